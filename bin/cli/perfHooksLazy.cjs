// Bundled in place of `node:perf_hooks` for @oclif/core's performance module
// (scripts/bundle-cli.mjs), which requires it at load but uses it only when OCLIF_PERFORMANCE or
// the `enablePerf` option turns its timings on: loading perf_hooks took ~1.7 ms of every nssv
// start. It is loaded on the first use instead.
'use strict';
let perfHooks;
const real = () => (perfHooks ??= require('node:perf_hooks'));
Object.defineProperties(exports, {
  performance: { enumerable: true, get: () => real().performance },
  PerformanceObserver: { enumerable: true, get: () => real().PerformanceObserver },
});
