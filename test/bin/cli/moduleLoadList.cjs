// Preloaded (node -r) by oclifSubstitutes.test.ts: prints the modules Node loaded, on exit, to
// stderr.
'use strict';
const { writeSync } = require('node:fs');
process.on('exit', () => writeSync(2, process.moduleLoadList.join('\n') + '\n'));
