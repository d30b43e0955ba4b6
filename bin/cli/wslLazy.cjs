// Bundled in place of `wsl-utils` for @oclif/core's util/os (scripts/bundle-cli.mjs): oclif asks
// it only whether this is WSL (on every start, for config.platform) and, on Windows, for
// PowerShell's path. wsl-utils loads child_process, fs/promises and powershell-utils when it is
// loaded (~2 ms of every nssv start); is-wsl, which answers the first question, needs none of them.
'use strict';
exports.isWsl = require('is-wsl').default;
exports.powerShellPath = (...args) => require('wsl-utils').powerShellPath(...args);
