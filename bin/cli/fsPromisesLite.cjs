// Bundled in place of `node:fs/promises` for @oclif/core (scripts/bundle-cli.mjs), which reads
// package.json, oclif.manifest.json and looks for tsconfig files with it while nssv starts, one
// file after another. Node's promise-based fs module loads readline's interface with it (~1.5 ms
// of every start), and each read waited for the thread pool. Here the four calls oclif makes are
// the synchronous ones, answering as promises: nothing else runs while oclif loads its
// configuration, and the files are small. Anything else oclif may use comes from the real module.
'use strict';
const fs = require('node:fs');

const asPromise =
  (fn) =>
  async (...args) =>
    fn(...args);
const lite = {
  access: asPromise(fs.accessSync),
  readdir: asPromise(fs.readdirSync),
  readFile: asPromise(fs.readFileSync),
  stat: asPromise(fs.statSync),
};
module.exports = new Proxy(lite, {
  get: (target, key) => (key in target ? target[key] : require('node:fs/promises')[key]),
});
