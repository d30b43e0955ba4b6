// Whether the kernel says it is Windows' Linux subsystem, as is-wsl asks (/proc/version names
// Microsoft). oclif then calls the platform `wsl` in its user agent (`nssv/0.1.0 wsl-x64 ...`),
// so bin/nssv.cjs lets oclif itself answer `--version` and the root help there.
'use strict';
const { readFileSync } = require('node:fs');

module.exports = function kernelMentionsWsl() {
  if (process.platform !== 'linux') return false;
  try {
    return readFileSync('/proc/version', 'latin1').toLowerCase().includes('microsoft');
  } catch {
    return false;
  }
};
