// Starts the bundled provider (dist/tfplugin/provider.cjs: the gRPC server and the handshake)
// through V8's code cache, and gives it a loader for the RPC implementation (dist/tfplugin/rpc.cjs,
// loaded on the first RPC, after the handshake line; and config.cjs, the configuration loader, on
// the first VM of a scheduling group to place) that uses the code cache too. The first
// start writes FILE.cache next to each bundle (when the directory is writable), later starts skip
// most of the parsing and compiling. Terraform starts the provider 3–5 times per command, so this
// is start-up time saved on every one. Copied into dist/tfplugin/ by scripts/bundle-provider.mjs.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

/** Runs dist/tfplugin/NAME as a CommonJS module through its code cache; returns its exports. */
function load(name) {
  const file = path.join(__dirname, name);
  const cacheFile = `${file}.cache`;
  const source = fs.readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, require, mod, file, __dirname);
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the handshake and the first calls have compiled what a provider run needs.
    setTimeout(() => {
      try {
        const tmp = `${cacheFile}.${process.pid}`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
      } catch {
        // A read-only installation just starts without the cache.
      }
    }, 1000).unref();
  }
  return mod.exports;
}

globalThis.__nssvLoadBundle = load;
load('provider.cjs');
