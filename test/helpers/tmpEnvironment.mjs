/**
 * Jest's node environment, with a temporary directory of its own for each test file: TMPDIR
 * points into $TMPDIR/nssv-test-XXXXXX while the file runs, so every temporary file the file
 * makes (its own mkdtemp calls, the CLI and terraform it starts, cdktf's Testing.app outdirs,
 * sandbox config dirs holding agent tokens) lands there, and the whole directory is removed
 * after the file's last afterAll. Nothing a test file makes outlives it, failed or passed.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestEnvironment } from 'jest-environment-node';

export default class TmpDirEnvironment extends TestEnvironment {
  constructor(config, context) {
    const outerTmpDir = process.env.TMPDIR;
    const dir = mkdtempSync(join(tmpdir(), 'nssv-test-'));
    // Traversable (not listable) by other users: the PostgreSQL helper runs initdb as postgres
    // in a directory of its own below this one.
    chmodSync(dir, 0o711);
    // Set before the base class copies process.env into the test's process object, so the test,
    // node:os in it and the processes it starts all see the same TMPDIR.
    process.env.TMPDIR = dir;
    super(config, context);
    this.tmpDir = dir;
    this.outerTmpDir = outerTmpDir;
  }

  async teardown() {
    await super.teardown();
    if (this.outerTmpDir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = this.outerTmpDir;
    try {
      rmSync(this.tmpDir, { recursive: true, force: true, maxRetries: 3 });
    } catch (e) {
      // A mount a failed sandbox left behind: say which directory stays, do not hide the test's result.
      process.stderr.write(`nssv test environment: could not remove ${this.tmpDir}: ${e.message}\n`);
    }
  }
}
