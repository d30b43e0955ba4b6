#!/usr/bin/env node
// nssv command-line entry: loads the bundled CLI (dist/cli/nssv.cjs, built by `npm run build`
// with scripts/bundle-cli.mjs; dist/cli/help.cjs for the root help) through V8's code cache. The
// first run writes nssv.cjs.cache next to the bundle (when the directory is writable); later runs
// skip most of the parsing and compiling. The bundle is registered as a loaded module so oclif's
// command discovery, which requires it for its COMMANDS table, gets this instance instead of
// evaluating it again. A CommonJS file, not an ES module: an ES module entry starts Node's ESM
// loader, ~11 ms of every start (bench/README.md, "start-up").
'use strict';
const { existsSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(__dirname, '..');
// `nssv --version` answers without loading the CLI, in the words of oclif's version flag (oclif's
// own under WSL, where it names the platform `wsl`).
if (process.argv[2] === '--version' && !require('./cli/kernelMentionsWsl.cjs')()) {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  process.stdout.write(`${name}/${version} ${process.platform}-${process.arch} node-${process.version}\n`);
  process.exit(0);
}
// The root help (`nssv`, `nssv --help`) comes from a bundle of oclif without the commands.
const args = process.argv.slice(2);
const rootHelp = args.length === 0 || (args.length === 1 && args[0] === '--help');
// Printed from its saved text when oclif has rendered it before for the same width and colours
// (bin/cli/rootHelpCache.cjs); otherwise rendered, and saved as it is printed.
const helpCache = rootHelp ? require('./cli/rootHelpCache.cjs') : undefined;
const helpKey = helpCache?.rootHelpKey(root, args.length === 0 ? 'bare' : 'help');
if (helpKey === undefined || !helpCache.printSaved(helpKey)) run();

function run() {
  const { isAscii } = require('node:buffer');
  const Module = require('node:module');
  const vm = require('node:vm');
  const file = join(root, 'dist', 'cli', rootHelp ? 'help.cjs' : 'nssv.cjs');
  if (!rootHelp) {
    // TurboFan without inlining: a command lasts seconds, and inlining made the optimizing compiles,
    // which run on the cores the command needs, cost more than the faster code saved. At 21,005
    // instances a no-change plan took 0.3-0.4 s less CPU and 0.1-0.2 s less wall clock; an apply of
    // 10,000 updates took the same time (bench/README.md, "scale"). Set before the bundle is
    // compiled, so its code cache is always made and checked under the same flags; not for the root
    // help, which compiles nothing hot (and node:v8 takes 3-4 ms to load).
    require('node:v8').setFlagsFromString('--no-turbo-inlining');
  }
  if (!existsSync(file)) {
    process.stderr.write('nssv is not built yet: run `npm run build` in the nssv repository first.\n');
    process.exit(1);
  }
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The bundles are ASCII (scripts/bundle-cli.mjs): read as Latin-1, V8 keeps a one-byte string.
  const bytes = readFileSync(file);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const mod = new Module(file);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(dirname(file));
  const bundleRequire = Module.createRequire(file);
  Module._cache[file] = mod;
  script.runInThisContext()(mod.exports, bundleRequire, mod, file, dirname(file));
  mod.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected) {
    // Written when the command ends, so the cache holds what a run compiled, not only the top level.
    process.once('exit', () => {
      try {
        const tmp = `${cacheFile}.${process.pid}`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        // A read-only installation just starts without the cache.
      }
    });
  }
  if (helpKey !== undefined) helpCache.saveOnExit(helpKey);
  mod.exports.main(args, root);
}
