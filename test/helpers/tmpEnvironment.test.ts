import { execa } from 'execa';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import TmpDirEnvironment from './tmpEnvironment.mjs';

/** The least of a project config jest-environment-node reads. */
const config = {
  globalConfig: {},
  projectConfig: { testEnvironmentOptions: {}, globals: {}, sandboxInjectedGlobals: [] },
} as unknown as ConstructorParameters<typeof TmpDirEnvironment>[0];
const context = {
  console,
  docblockPragmas: {},
  testPath: fileURLToPath(import.meta.url),
} as unknown as ConstructorParameters<typeof TmpDirEnvironment>[1];

describe('the test environment', () => {
  it('GIVEN this test file WHEN it runs THEN TMPDIR is a directory of its own, traversable only, that child processes see too', async () => {
    const dir = tmpdir();
    expect(dir).toMatch(/\/nssv-test-[A-Za-z0-9]{6}$/);
    expect(process.env.TMPDIR).toBe(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o711);
    const child = await execa(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())']);
    expect(child.stdout).toBe(dir);
  });

  it('GIVEN an environment whose test made files WHEN torn down THEN its directory is gone and TMPDIR is what it was', async () => {
    const outer = process.env.TMPDIR;
    const env = new TmpDirEnvironment(config, context);
    try {
      expect(dirname(env.tmpDir)).toBe(tmpdir());
      expect(env.tmpDir).toMatch(/\/nssv-test-[A-Za-z0-9]{6}$/);
      expect(process.env.TMPDIR).toBe(env.tmpDir);
      const made = mkdtempSync(join(env.tmpDir, 'nssv-token-'));
      writeFileSync(join(made, 'token'), 'secret', { mode: 0o600 });
    } finally {
      await env.teardown();
    }
    expect(existsSync(env.tmpDir)).toBe(false);
    expect(process.env.TMPDIR).toBe(outer);
  });
});
