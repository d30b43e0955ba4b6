import { buildSync } from 'esbuild';
import { execa } from 'execa';
import type * as lilconfig from 'lilconfig';
import type * as childProcess from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as fsPromises from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as perfHooks from 'node:perf_hooks';
import { repo } from '../../e2e/support.js';

/**
 * scripts/bundle-cli.mjs bundles bin/cli/*.cjs in place of modules @oclif/core loads on every start
 * but rarely uses. Each must behave as the module it stands for when it is used, and the root help
 * must then start without the Node modules they put off.
 */
const requireFromCli = createRequire(join(repo, 'bin', 'cli', 'main.ts'));

/** One substitute as the CLI bundle has it: bundled by esbuild with what it requires. */
function load<T>(file: string): T {
  const out = buildSync({
    entryPoints: [join(repo, 'bin', 'cli', file)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  });
  const mod = { exports: {} as T };
  new Function('module', 'exports', 'require', out.outputFiles[0]!.text)(mod, mod.exports, requireFromCli);
  return mod.exports;
}

describe('the modules bundled in place of what @oclif/core loads', () => {
  it.each([
    ['--help', ['--help']],
    ['plan --help', ['plan', '--help']],
  ])(
    'GIVEN the built CLI WHEN oclif renders nssv %s THEN Node loads none of child_process, perf_hooks, fs/promises or readline',
    async (_name, args) => {
      // A colour theme makes the root help go through oclif, not bin/cli/rootHelpCache.cjs.
      const configDir = mkdtempSync(join(tmpdir(), 'nssv-theme-'));
      writeFileSync(join(configDir, 'theme.json'), '{"bin": "red"}');
      const preload = join(repo, 'test', 'bin', 'cli', 'moduleLoadList.cjs');
      const r = await execa(process.execPath, ['-r', preload, join(repo, 'bin/nssv.cjs'), ...args], {
        env: { NSSV_CONFIG_DIR: configDir },
        reject: false,
      });
      rmSync(configDir, { recursive: true });
      expect(r.exitCode).toBe(0);
      const loaded = r.stderr.split('\n').filter((m) => m.startsWith('NativeModule '));
      expect(loaded).toContain('NativeModule fs'); // the list is there
      expect(loaded).toContain('NativeModule tty'); // oclif rendered it (it asks stdout's width)
      expect(
        loaded.filter((m) =>
          /^NativeModule (child_process|perf_hooks|internal\/fs\/promises|readline|internal\/readline\/)/.test(
            m,
          ),
        ),
      ).toEqual([]);
    },
  );

  it('GIVEN fsPromisesLite WHEN oclif reads, lists, stats and checks files THEN it answers as fs/promises does', async () => {
    const lite = load<typeof fsPromises>('fsPromisesLite.cjs');
    const pkg = join(repo, 'package.json');
    await expect(lite.readFile(pkg, 'utf8')).resolves.toBe(readFileSync(pkg, 'utf8'));
    expect(await lite.readdir(join(repo, 'bin', 'cli'))).toEqual(
      await fsPromises.readdir(join(repo, 'bin', 'cli')),
    );
    expect((await lite.stat(pkg)).size).toBe((await fsPromises.stat(pkg)).size);
    await expect(lite.access(pkg)).resolves.toBeUndefined();
    const missing = join(repo, 'no-such-file');
    await expect(lite.readFile(missing, 'utf8')).rejects.toMatchObject({ code: 'ENOENT', path: missing });
    await expect(lite.access(missing)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(lite.mkdtemp).toBe(fsPromises.mkdtemp);
  });

  it('GIVEN perfHooksLazy WHEN oclif times itself THEN it gets perf_hooks', () => {
    const lazy = load<typeof perfHooks>('perfHooksLazy.cjs');
    expect(lazy.performance).toBe(perfHooks.performance);
    expect(lazy.PerformanceObserver).toBe(perfHooks.PerformanceObserver);
  });

  it('GIVEN childProcessLazy WHEN oclif runs a command THEN it runs', () => {
    const lazy = load<Pick<typeof childProcess, 'execSync'>>('childProcessLazy.cjs');
    expect(lazy.execSync('echo nssv', { encoding: 'utf8' })).toBe('nssv\n');
  });

  it('GIVEN wslLazy WHEN oclif asks whether this is WSL THEN is-wsl answers', async () => {
    const lazy = load<{ isWsl: boolean; powerShellPath: () => Promise<string> }>('wslLazy.cjs');
    expect(lazy.isWsl).toBe((await import('is-wsl')).default);
    expect(typeof lazy.powerShellPath).toBe('function');
  });

  it('GIVEN lilconfigLazy WHEN oclif searches for an .oclifrc THEN lilconfig searches', async () => {
    const lazy = load<typeof lilconfig>('lilconfigLazy.cjs');
    const found = await lazy
      .lilconfig('oclif', { searchPlaces: ['package.json'], stopDir: repo })
      .search(repo);
    expect(found?.filepath).toBe(join(repo, 'package.json'));
    expect(found?.config.bin).toBe('nssv');
  });
});
