// Bundled in place of `ejs` for @oclif/core's help (scripts/bundle-cli.mjs): oclif passes every
// help string through ejs.render, which compiles each one into a new function even when it holds
// no template tag (~10% of `nssv --help`). A string without "<%" renders as itself in ejs; any
// other goes to the real ejs, so the output is the same.
'use strict';
let ejs;
exports.render = (template, data, options) =>
  typeof template === 'string' && !template.includes('<%')
    ? template
    : // the real ejs, loaded only when a string is a template
      (ejs ??= require('ejs')).render(template, data, options);
