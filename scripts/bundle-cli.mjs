// Bundles the nssv CLI (bin/cli/main.ts and every command under bin/commands/) with esbuild into
// dist/cli/nssv.cjs, which bin/nssv.cjs loads through V8's code cache. The bundle exports COMMANDS
// (command id → class), the table package.json's oclif "explicit" command discovery reads, so a
// new file in bin/commands/ is a new command without registering it anywhere.
// Start-up time is what this is for: bench/cliStartup.ts measures it.
import { build } from 'esbuild';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertCodeUnitOrder, oclifCommandSort } from './oclifCommandSort.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const commandsDir = join(repo, 'bin/commands');

/** bin/commands/state/export-terraform.ts → "state:export-terraform". */
function commandFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? commandFiles(join(dir, e.name)) : [join(dir, e.name)]))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort();
}
const commands = commandFiles(commandsDir).map((file) => ({
  id: relative(commandsDir, file).replace(/\.ts$/, '').split('/').join(':'),
  file,
}));

// Each command is a getter around a require(), which esbuild turns into a lazily evaluated module:
// a run evaluates the top level of its own command's modules only (with oclif.manifest.json, help
// and --version evaluate none).
const entry = [
  'export const COMMANDS = {};',
  ...commands.map(
    (c) =>
      `Object.defineProperty(COMMANDS, ${JSON.stringify(c.id)}, { enumerable: true, get: () => require(${JSON.stringify('./' + relative(repo, c.file))}).default });`,
  ),
  `export { main } from './bin/cli/main.ts';`,
].join('\n');

/**
 * Modules bundled in place of what @oclif/core requires, each to take work off every start (each
 * file says what and how much): oclif's help renders each string with ejs (bin/cli/ejsLiteral.cjs
 * skips it for plain text); its logger loads debug (bin/cli/debugOff.cjs loads it only when DEBUG
 * is set); its plugin loader, tinyglobby (bin/cli/globLazy.cjs loads it on the first glob); its
 * platform check, wsl-utils and child_process, and its timings, perf_hooks (loaded on first use);
 * its configuration loader, fs/promises (bin/cli/fsPromisesLite.cjs: the synchronous calls, as promises) and
 * lilconfig (loaded on the first search for an .oclifrc).
 */
const OCLIF_SUBSTITUTES = {
  ejs: 'bin/cli/ejsLiteral.cjs',
  debug: 'bin/cli/debugOff.cjs',
  tinyglobby: 'bin/cli/globLazy.cjs',
  'wsl-utils': 'bin/cli/wslLazy.cjs',
  'node:child_process': 'bin/cli/childProcessLazy.cjs',
  'node:perf_hooks': 'bin/cli/perfHooksLazy.cjs',
  'node:fs/promises': 'bin/cli/fsPromisesLite.cjs',
  lilconfig: 'bin/cli/lilconfigLazy.cjs',
};
const oclifSubstitutes = {
  name: 'oclif-substitutes',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${Object.keys(OCLIF_SUBSTITUTES).join('|')})$`) }, (args) =>
      args.importer.includes(join('@oclif', 'core'))
        ? { path: join(repo, OCLIF_SUBSTITUTES[args.path]) }
        : undefined,
    );
  },
};

const common = {
  absWorkingDir: repo,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: process.env.NSSV_BUNDLE_MINIFY !== '0',
  // oclif reads tsconfig.json with typescript only to transpile sources at run time, which
  // main.ts turns off: leaving it out keeps 3.5 MB of compiler out of every start.
  external: ['typescript'],
  logLevel: 'warning',
  define: { 'import.meta.url': '__nssvImportMetaUrl' },
  banner: { js: "var __nssvImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [oclifSubstitutes, oclifCommandSort],
};

rmSync(join(repo, 'dist/cli'), { recursive: true, force: true });
await build({
  ...common,
  stdin: { contents: entry, resolveDir: repo, sourcefile: 'nssv-cli-entry.ts', loader: 'ts' },
  outfile: 'dist/cli/nssv.cjs',
});
// The root help (`nssv`, `nssv --help`) needs oclif and oclif.manifest.json, not the commands:
// bin/nssv.cjs loads this bundle (a seventh of the size) for it.
await build({
  ...common,
  stdin: {
    contents: "export { main } from './bin/cli/main.ts';",
    resolveDir: repo,
    sourcefile: 'nssv-help-entry.ts',
    loader: 'ts',
  },
  outfile: 'dist/cli/help.cjs',
});

// The worker thread that fetches inventories while a plan's configuration loads
// (provider/agent/inventoryPrefetch.ts finds it next to the CLI bundle).
await build({
  ...common,
  plugins: [],
  entryPoints: ['provider/agent/inventoryWorker.ts'],
  outfile: 'dist/cli/inventoryWorker.cjs',
});

// esbuild escapes non-ASCII characters in strings but leaves them in regular expression literals
// (a few of oclif's and ansis'). One of them makes V8 hold the whole 2.3 MB source as a two-byte
// string: decoding, hashing it against the code cache and scanning it cost 40-60 ms more per start
// than an ASCII bundle that bin/nssv.cjs reads as Latin-1. \uXXXX means the same character in a
// regular expression, a string, a template and an identifier.
for (const out of ['nssv.cjs', 'help.cjs', 'inventoryWorker.cjs']) {
  const file = join(repo, 'dist/cli', out);
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  if (ascii !== text) writeFileSync(file, ascii);
}

// oclif.manifest.json (generated, not committed): every command's id, description, flags and
// args, so `nssv --help` and `nssv --version` need not build them from the classes on each start.
const { Plugin, settings } = await import('@oclif/core');
settings.enableAutoTranspile = false;
const plugin = new Plugin({
  root: repo,
  isRoot: true,
  type: 'core',
  ignoreManifest: true,
  errorOnManifestCreate: true,
});
await plugin.load();
assertCodeUnitOrder(Object.keys(plugin.manifest.commands));
writeFileSync(join(repo, 'oclif.manifest.json'), JSON.stringify(plugin.manifest));
