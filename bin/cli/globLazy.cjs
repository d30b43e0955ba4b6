// Bundled in place of `tinyglobby` for @oclif/core's plugin loader (scripts/bundle-cli.mjs): oclif
// globs for command files only under "pattern" command discovery, never under nssv's "explicit"
// one, yet loading tinyglobby and fdir took ~3.5 ms of every nssv start. They are loaded on the
// first glob instead.
'use strict';
let tinyglobby;
exports.glob = (...args) => (tinyglobby ??= require('tinyglobby')).glob(...args);
