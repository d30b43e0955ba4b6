/**
 * makePlan alone, on a saved input: CPU and wall time of one cold call (as in `nssv plan`), and a
 * digest of the plan's JSON, so two source trees can be compared on the same input (A/B) and
 * their plans checked byte for byte.
 *
 *   node --import ./bench/register.mjs bench/makePlanReplay.ts --save DIR FILE   # load, refresh, save
 *   node --import ./bench/register.mjs bench/makePlanReplay.ts FILE [ROOT] [--json OUT]
 *
 * DIR: an applied configuration whose hosts answer (e.g. `bench/scale.ts --hold`). FILE holds
 * makePlan's input (v8-serialised). ROOT: the source tree whose makePlan runs (default: this one).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { deserialize, serialize } from 'node:v8';

const args = process.argv.slice(2);
if (args[0] === '--save') {
  const [dir, file] = [args[1]!, args[2]!];
  const { loadConfig } = await import('../engine/files/loadConfig.js');
  const { openStateStore } = await import('../provider/state/open.js');
  const { hostEndpoints, refresh } = await import('../provider/refresh.js');
  const { createHandlerContext } = await import('../provider/handlers/context.js');
  const config = await loadConfig(dir, {});
  const store = await openStateStore(dir, config.settings);
  const prior = await store.read();
  const ctx = createHandlerContext(hostEndpoints(config.instances, prior));
  const refreshed = await refresh(ctx, config.instances, prior, { readLive: true });
  await store.close();
  const input = { desired: config.instances, prior, live: refreshed.live, hostFacts: refreshed.hostFacts };
  writeFileSync(file, serialize(input));
  console.log(`saved makePlan's input for ${config.instances.length} instances to ${file}`);
  process.exit(0);
}

const file = args[0]!;
const root = args[1] && !args[1].startsWith('--') ? args[1] : new URL('..', import.meta.url).pathname;
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const { makePlan } = (await import(pathToFileURL(`${root}/planner/plan/makePlan.ts`).href)) as {
  makePlan: typeof import('../planner/plan/makePlan.js').makePlan;
};
const input = deserialize(readFileSync(file)) as Omit<Parameters<typeof makePlan>[0], 'mode'>;
const c0 = process.cpuUsage();
const w0 = performance.now();
const plan = makePlan({ mode: 'normal', ...input });
const cpu = process.cpuUsage(c0);
const wall = performance.now() - w0;
const text = JSON.stringify(plan);
if (jsonOut) writeFileSync(jsonOut, text);
const digest = createHash('sha256').update(text).digest('hex').slice(0, 16);
console.log(
  `makePlan ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU ${wall.toFixed(0)} ms wall, ` +
    `${plan.changes.length} changes, ${plan.diagnostics.length} diagnostics, plan sha256 ${digest}`,
);
process.exit(0);
