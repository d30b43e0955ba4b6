import { execa } from 'execa';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo } from '../e2e/support.js';

/**
 * bin/nssv.cjs compiles the bundle through V8's code cache and writes the cache again whenever V8
 * rejects it; V8 rejects a cache made under other V8 flags. The flags it sets (see its
 * --no-turbo-inlining) must therefore be set the same way on every run, or every run would
 * compile the whole bundle and write its cache again.
 */
describe('the CLI code cache', () => {
  it('GIVEN a copy of the built CLI WHEN a command runs twice THEN the first run writes the cache and the second uses it as is', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nssv-codecache-'));
    for (const part of ['bin', 'schemas', 'package.json'])
      cpSync(join(repo, part), join(root, part), { recursive: true });
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    for (const f of ['nssv.cjs', 'help.cjs', 'inventoryWorker.cjs'])
      cpSync(join(repo, 'dist', 'cli', f), join(root, 'dist', 'cli', f));
    symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
    const config = mkdtempSync(join(tmpdir(), 'nssv-codecache-config-'));
    const run = () =>
      execa(process.execPath, [join(root, 'bin', 'nssv.cjs'), 'validate'], { cwd: config, reject: false });
    const cache = join(root, 'dist', 'cli', 'nssv.cjs.cache');

    const first = await run();
    expect(first.stderr).toContain('No configuration files in');
    const written = { bytes: readFileSync(cache), mtimeMs: statSync(cache).mtimeMs };
    expect(written.bytes.length).toBeGreaterThan(100_000);

    const second = await run();
    expect(second.stderr).toBe(first.stderr);
    expect(statSync(cache).mtimeMs).toBe(written.mtimeMs);
    expect(readFileSync(cache).equals(written.bytes)).toBe(true);
  });
});
