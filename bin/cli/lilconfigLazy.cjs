// Bundled in place of `lilconfig` for @oclif/core's package.json reader (scripts/bundle-cli.mjs):
// oclif searches for .oclifrc files only when package.json has no "oclif" section, which nssv's
// has, yet loading lilconfig (and the fs/promises it takes at load) cost every nssv start. It is
// loaded on the first search instead.
'use strict';
let lilconfig;
exports.lilconfig = (...args) => (lilconfig ??= require('lilconfig')).lilconfig(...args);
