// Bundled in place of `node:child_process` for @oclif/core's util/os (scripts/bundle-cli.mjs),
// which requires it at load for the one call that asks Windows for the parent shell: Node
// compiling child_process and what it loads (net, dgram, streams) took ~3 ms of every nssv start.
// It is loaded on that call instead.
'use strict';
let childProcess;
exports.execSync = (...args) => (childProcess ??= require('node:child_process')).execSync(...args);
