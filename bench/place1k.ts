/**
 * Times the plan-time scheduler (the `place` transform) placing new VMs on many hosts:
 *   node --import ./bench/register.mjs bench/place1k.ts [--vms 1000] [--hosts 1000] [--runs 5]
 * Half the VMs are in scheduling groups of 10 (mandatory anti-affinity), half in none (scatter).
 */
import type { DesiredInstance } from '../planner/config/types.js';
import type { Attributes } from '../core/values.js';
import type { PlanContext } from '../planner/plan/context.js';
import type { HostFacts } from '../planner/plan/hostFacts.js';
import { emptyState } from '../planner/state/types.js';
import { addNodes } from '../planner/plan/transforms/addNodes.js';
import { resolveDependencies } from '../planner/plan/transforms/resolveDependencies.js';
import { plannedAttributes } from '../planner/plan/transforms/plannedAttributes.js';
import { deriveHostSets } from '../planner/plan/transforms/deriveHostSets.js';
import { place } from '../planner/plan/transforms/place.js';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const vms = arg('vms', 1000);
const hosts = arg('hosts', 1000);
const runs = arg('runs', 5);

const inst = (address: string, attributes: Attributes): DesiredInstance => ({
  address,
  resourceAddress: address.replace(/\[[^\]]*\]$/, ''),
  type: address.split('.')[0]!,
  attributes,
  dependsOn: [],
  lifecycle: { createBeforeDestroy: false, preventDestroy: false, ignoreChanges: [], replaceTriggeredBy: [] },
  range: { file: 'main.tf', line: 1, column: 1 },
  attributeRanges: {},
  sensitivePaths: [],
});

const desired: DesiredInstance[] = [
  inst('nssv_datacenter.dc', { name: 'dc' }),
  inst('nssv_cluster.c', { name: 'c', datacenter_id: 'dc', cpu_overcommit_ratio: 4 }),
];
const facts = new Map<string, HostFacts>();
for (let h = 0; h < hosts; h++) {
  const name = `h${h}`;
  desired.push(
    inst(`nssv_host.h[${h}]`, {
      name,
      cluster_id: 'c',
      endpoint: `http://10.0.0.1:${h}`,
      token: 'x'.repeat(32),
    }),
  );
  facts.set(name, {
    name,
    cluster: 'c',
    address: `nssv_host.h[${h}]`,
    cpus: 64,
    memoryMiB: 262144,
    maintenance: false,
  });
}
const groups = Math.ceil(vms / 20);
for (let g = 0; g < groups; g++)
  desired.push(
    inst(`nssv_scheduling_group.g[${g}]`, {
      name: `g${g}`,
      cluster_id: 'c',
      policy: 'vm-anti-affinity',
      mode: 'mandatory',
    }),
  );
for (let v = 0; v < vms; v++) {
  const group: Attributes = v % 2 === 0 ? { scheduling_group_id: `g${Math.floor(v / 20)}` } : {};
  desired.push(
    inst(`nssv_vm.v[${v}]`, { name: `v${v}`, cluster_id: 'c', vcpus: 2, memory_mib: 4096, ...group }),
  );
}

function context(): PlanContext {
  const ctx: PlanContext = {
    mode: 'normal',
    nodes: new Map(),
    hostFacts: facts,
    lostHosts: new Set(),
    diagnostics: [],
    changes: [],
    steps: [],
    barriers: {},
  };
  for (const t of [
    addNodes(desired, emptyState('L'), new Map()),
    resolveDependencies,
    plannedAttributes,
    deriveHostSets,
  ])
    t(ctx);
  return ctx;
}

const times: number[] = [];
for (let r = 0; r <= runs; r++) {
  const ctx = context();
  const start = process.hrtime.bigint();
  place(ctx);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (ctx.diagnostics.length > 0) throw new Error(ctx.diagnostics[0]!.summary);
  if (r > 0) times.push(ms); // round 0 warms up
}
times.sort((a, b) => a - b);
const f = (ms: number) => `${ms.toFixed(0)} ms`;
console.log(
  `place: ${vms} new VMs on ${hosts} hosts: median ${f(times[Math.floor(times.length / 2)]!)} (min ${f(times[0]!)}, max ${f(times.at(-1)!)}), ${runs} runs`,
);
