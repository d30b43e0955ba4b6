// Bundled in place of `debug` for @oclif/core's logger (scripts/bundle-cli.mjs): loading debug and
// what it loads (supports-color, tty, os) took ~9 ms of every nssv start, for output that appears
// only when DEBUG is set. Without DEBUG, oclif's loggers are no-ops, as debug's would be; with it,
// the real debug is loaded and does what it always does (`DEBUG='oclif*' nssv plan`).
'use strict';
let debug;
const off = () => {};
module.exports = (namespace) => (process.env.DEBUG ? (debug ??= require('debug'))(namespace) : off);
