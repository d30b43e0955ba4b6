/**
 * Benchmark: a configuration that expands to 10,000 resource instances, timed through
 * loadConfig (parse + evaluate), validateInstances and makePlan (against an empty state and a few
 * hundred hosts' facts). Not a test; see bench/README.md for how to run it.
 *
 *   node --import ./bench/register.mjs bench/eval10k.ts [--runs 5] [--instances 10000] [--hosts 300]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../engine/files/loadConfig.js';
import type { LoadedConfig } from '../planner/config/types.js';
import { parseHcl } from '../planner/hcl/parser.js';
import type { HostFacts } from '../planner/plan/hostFacts.js';
import { makePlan } from '../planner/plan/makePlan.js';
import type { Plan } from '../planner/plan/types.js';
import { emptyState } from '../planner/state/types.js';
import { validateInstances } from '../planner/validate/validateInstances.js';
import { configText, instanceCount, shapeFor } from './config10k.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    instances: { type: 'string', default: '10000' },
    hosts: { type: 'string', default: '300' },
    'no-plan': { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const shape = shapeFor(Number(args.instances), Number(args.hosts));
const expected = instanceCount(shape);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Wall-clock and CPU time (this process, all threads) of one call. */
async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
}

interface Sample {
  ms: number;
  cpuMs: number;
}

const dir = mkdtempSync(join(tmpdir(), 'nssv-bench-'));
const text = configText(shape);
writeFileSync(join(dir, 'main.tf'), text);

const rows: Array<[string, Sample[], string]> = [];
try {
  const parse: Sample[] = [];
  const load: Sample[] = [];
  const validate: Sample[] = [];
  const plan: Sample[] = [];
  let config: LoadedConfig | undefined;
  let lastPlan: Plan | undefined;
  let diagCount = 0;
  const hostFacts = new Map<string, HostFacts>();
  for (let i = 0; i < shape.hosts; i++) {
    const name = `h${i}`;
    hostFacts.set(name, {
      name,
      cluster: 'c',
      address: `nssv_host.h[${i}]`,
      cpus: 64,
      memoryMiB: 262144,
      maintenance: false,
    });
  }
  // One warm-up round (JIT, ajv compilation), then `runs` timed rounds.
  for (let r = 0; r <= runs; r++) {
    const p = await time(() => parseHcl('main.tf', text));
    const l = await time(() => loadConfig(dir, { env: {} }));
    config = l.value;
    if (config.instances.length !== expected || config.diagnostics.some((d) => d.severity === 'error')) {
      throw new Error(
        `expected ${expected} instances without errors, got ${config.instances.length}: ` +
          config.diagnostics.map((d) => `${d.code} ${d.summary}`).join('; '),
      );
    }
    const desired = config.instances;
    const v = await time(() => validateInstances(desired));
    diagCount = v.value.length;
    const pl = args['no-plan']
      ? undefined
      : await time(() =>
          makePlan({ mode: 'normal', desired, prior: emptyState('L'), live: new Map(), hostFacts }),
        );
    lastPlan = pl?.value;
    if (r === 0) continue;
    parse.push(p);
    load.push(l);
    validate.push(v);
    if (pl) plan.push(pl);
  }
  rows.push(['parse (HCL syntax only)', parse, `${(text.length / 1024).toFixed(0)} KiB of HCL`]);
  rows.push(['loadConfig (parse + evaluate)', load, `${config!.instances.length} instances`]);
  rows.push(['validateInstances', validate, `${diagCount} diagnostics`]);
  if (lastPlan) {
    const creates = lastPlan.changes.filter((c) => c.action === 'create').length;
    const errors = lastPlan.diagnostics.filter((d) => d.severity === 'error').length;
    const edges = lastPlan.steps.reduce((n, s) => n + s.after.length, 0);
    rows.push([
      'makePlan (empty state)',
      plan,
      `${creates} creates, ${lastPlan.steps.length} steps, ${edges} step edges, ${errors} errors, ${shape.hosts} hosts`,
    ]);
  }
  const evalMs = median(load.map((x) => x.ms));
  console.log(
    `nssv benchmark: ${expected} instances (${shape.hosts} hosts, ${shape.portGroups} port groups, ${shape.vms} VMs, ` +
      `${shape.vms} root + ${shape.dataVolumes} data volumes); median of ${runs} runs after one warm-up; ` +
      `node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log('');
  const cols = ['median ms', 'min ms', 'max ms', 'median CPU ms'];
  console.log(`| ${'step'.padEnd(30)} | ${cols.join(' | ')} | notes |`);
  console.log(`|${'-'.repeat(32)}|${cols.map((c) => '-'.repeat(c.length + 2)).join('|')}|-------|`);
  for (const [name, xs, note] of rows) {
    const wall = xs.map((x) => x.ms);
    const cells = [median(wall), Math.min(...wall), Math.max(...wall), median(xs.map((x) => x.cpuMs))];
    console.log(
      `| ${name.padEnd(30)} | ${cells.map((v, i) => v.toFixed(0).padStart(cols[i]!.length)).join(' | ')} | ${note} |`,
    );
  }
  console.log('');
  console.log(`evaluation target (< 1000 ms): ${evalMs < 1000 ? 'met' : 'MISSED'} (${evalMs.toFixed(0)} ms)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
