/**
 * CPU and wall time of each phase of a plan, in one process (the phases `nssv plan` runs, called
 * one after the other): load, validate, static checks, state read, refresh, makePlan; with the
 * system part of the CPU time and the minor page faults (memory touched for the first time: on
 * a virtual machine each costs microseconds, so the memory a phase grows into is CPU it spends).
 *
 *   node --import ./bench/register.mjs bench/planPhases.ts DIR [--no-refresh]
 *
 * DIR: an applied configuration whose hosts answer (e.g. `bench/scale.ts --hold`).
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../engine/files/loadConfig.js';
import { validateInstances } from '../planner/validate/validateInstances.js';
import { staticChecks } from '../planner/plan/staticChecks.js';
import { openStateStore } from '../provider/state/open.js';
import { hostEndpoints, refresh } from '../provider/refresh.js';
import { createHandlerContext } from '../provider/handlers/context.js';
import { makePlan } from '../planner/plan/makePlan.js';
import { unsupportedFeatures } from '../provider/handlers/support.js';

const dir = process.argv[2]!;
const readLive = !process.argv.includes('--no-refresh');
const rows: string[] = [];
let u0 = process.resourceUsage();
let w0 = performance.now();
function lap(name: string): void {
  const u = process.resourceUsage();
  const w = performance.now() - w0;
  const cpu = (u.userCPUTime + u.systemCPUTime - u0.userCPUTime - u0.systemCPUTime) / 1000;
  const system = (u.systemCPUTime - u0.systemCPUTime) / 1000;
  const faults = u.minorPageFault - u0.minorPageFault;
  rows.push(
    `${name.padEnd(20)} ${cpu.toFixed(0).padStart(6)} ms CPU (${system.toFixed(0).padStart(4)} system) ${w.toFixed(0).padStart(6)} ms wall ${String(faults).padStart(7)} page faults`,
  );
  u0 = u;
  w0 = performance.now();
}
const config = await loadConfig(dir, {});
lap('loadConfig');
const v = validateInstances(config.instances);
lap('validateInstances');
const s = staticChecks(config.instances);
lap('staticChecks');
const store = await openStateStore(dir, config.settings);
const state = await store.read();
lap('state read');
const endpoints = hostEndpoints(config.instances, state);
const ctx = createHandlerContext(endpoints);
const u = unsupportedFeatures(config.instances);
lap('unsupported');
const refreshed = await refresh(ctx, config.instances, state, { readLive });
lap('refresh');
const plan = makePlan({
  mode: 'normal',
  desired: config.instances,
  prior: state,
  live: refreshed.live,
  hostFacts: refreshed.hostFacts,
});
lap('makePlan');
await store.close();
console.log(rows.join('\n'));
console.log(
  `diagnostics ${v.length + s.length + u.length + refreshed.diagnostics.length + plan.diagnostics.length}, changes ${plan.changes.filter((c) => c.action !== 'noop').length}, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB, total CPU ${(process.cpuUsage().user / 1000).toFixed(0)} ms`,
);
process.exit(0);
