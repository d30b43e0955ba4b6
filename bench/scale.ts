/**
 * Benchmark: plan and apply at scale (issue 14 point 6). Not a test; run on demand:
 *
 *   npm run build && node --import ./bench/register.mjs bench/scale.ts [--sizes 2105,21005] [--runs 3]
 *       [--cpu-prof DIR] [--server-keepalive-ms 5000] [--hold]
 *
 * For each size N: N = 21·H + 5 instances on H stand-in hosts (agentd's own HTTP layer over an
 * in-memory host, bench/standinAgent.ts) on loopback — a data center, cluster, switch, port
 * group and pool, H hosts, and 10·H VMs with one volume each. Then, each a separate `nssv`
 * process (the built CLI, bin/nssv.cjs):
 *
 * 1. `nssv apply -auto-approve`: creates everything. Wall clock, CPU, peak RSS, bytes the process
 *    wrote to storage (/proc/self/io write_bytes), time per step (wall / steps, and the agents'
 *    first-to-last write / steps), requests the agents answered with an error, connections.
 * 2. `nssv plan -detailed-exitcode` (must exit 0: no changes) `--runs` times with the inventory
 *    tags removed before each (every inventory read whole, as after an apply), as many with the
 *    tags the plan before kept (the agents answer 304), as many with `-refresh=false`, and as many
 *    right after an apply that changed one VM (the apply carries the other hosts' tags over): wall,
 *    CPU, peak RSS, connections to the agents, 304 answers.
 *
 * `--hold` applies once, then keeps the stand-ins serving (until SIGINT/SIGTERM) so plans can be
 * run, profiled and compared by hand against the same fleet in the printed directory.
 *
 * `--server-keepalive-ms 5000` gives the stand-ins Node's default server keep-alive instead of
 * agentd's, as the agent server had when the 21,005-instance apply failed on closed connections.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fleetConfig } from './fleetConfig.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startStandIn, type StandIn } from './standinAgent.js';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '2105,21005' },
    runs: { type: 'string', default: '3' },
    'cpu-prof': { type: 'string' },
    'server-keepalive-ms': { type: 'string' },
    keep: { type: 'boolean', default: false },
    hold: { type: 'boolean', default: false },
  },
});
const repo = new URL('..', import.meta.url).pathname;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Measured {
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
  writeBytes: number;
  exitCode: number;
  output: string;
}

/**
 * How long a bare `node -e 0` takes here, timed next to each plan: the machine's speed moves by
 * 10-30 % within minutes (~100-110 ms on its quick stretches, 125-140 ms on slow ones), more than
 * the differences these runs are read for.
 */
async function nodeStartMs(): Promise<number> {
  const t0 = performance.now();
  const p = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => p.once('close', resolve));
  return performance.now() - t0;
}

async function measure(argv: string[], cwd: string, nodeFlags: string[] = []): Promise<Measured> {
  const out = join(cwd, `.measure-${process.hrtime.bigint()}.json`);
  const t0 = performance.now();
  const p = spawn(
    process.execPath,
    [...nodeFlags, '--import', join(repo, 'bench/measure.mjs'), join(repo, 'bin/nssv.cjs'), ...argv],
    { cwd, env: { ...process.env, CI: 'true', NSSV_BENCH_MEASURE: out }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  p.stdout.on('data', (d) => (output += String(d)));
  p.stderr.on('data', (d) => (output += String(d)));
  const exitCode = await new Promise<number>((r) => p.once('exit', (c) => r(c ?? -1)));
  const wallMs = performance.now() - t0;
  const m = JSON.parse(readFileSync(out, 'utf8')) as Omit<Measured, 'wallMs' | 'exitCode' | 'output'>;
  rmSync(out);
  return { ...m, wallMs, exitCode, output };
}

interface AgentTotals {
  requests: number;
  failed: number;
  notModified: number;
  connections: number;
  firstWriteMs: number;
  lastWriteMs: number;
}

function totals(standIns: StandIn[]): AgentTotals {
  const t: AgentTotals = {
    requests: 0,
    failed: 0,
    notModified: 0,
    connections: 0,
    firstWriteMs: Infinity,
    lastWriteMs: 0,
  };
  for (const s of standIns) {
    t.requests += s.stats.requests;
    t.notModified += s.stats.notModified;
    t.failed += s.stats.failed;
    t.connections += s.stats.connections;
    t.firstWriteMs = Math.min(t.firstWriteMs, s.stats.firstWriteMs ?? Infinity);
    t.lastWriteMs = Math.max(t.lastWriteMs, s.stats.lastWriteMs ?? 0);
  }
  return t;
}

function reset(standIns: StandIn[]): void {
  for (const s of standIns) {
    Object.assign(s.stats, {
      requests: 0,
      failed: 0,
      notModified: 0,
      connections: 0,
      firstWriteMs: undefined,
      lastWriteMs: undefined,
    });
  }
}

const s1 = (msv: number): string => `${(msv / 1000).toFixed(2)} s`;
const mib = (b: number): string => `${(b / 2 ** 20).toFixed(1)} MiB`;

interface SizeResult {
  size: number;
  perStepMs: number;
  agentPerStepMs: number;
}

async function benchSize(size: number): Promise<SizeResult> {
  const hostCount = Math.round((size - 5) / 21);
  const vms = hostCount * 10;
  const keepAlive = args['server-keepalive-ms'] ? Number(args['server-keepalive-ms']) : undefined;
  const standIns: StandIn[] = [];
  for (let i = 0; i < hostCount; i++) {
    standIns.push(
      await startStandIn(
        `h${String(i + 1).padStart(4, '0')}`,
        keepAlive === undefined ? {} : { keepAliveTimeoutMs: keepAlive },
      ),
    );
  }
  const dir = mkdtempSync(join(tmpdir(), `nssv-bench-scale-${size}-`));
  try {
    writeFileSync(join(dir, 'main.tf'), fleetConfig(standIns, vms));
    console.log(
      `\n== ${size} instances: ${hostCount} stand-in hosts, ${vms} VMs with a volume each (${dir})`,
    );

    const apply = await measure(['apply', '-auto-approve', '-no-color'], dir);
    const a = totals(standIns);
    if (apply.exitCode !== 0)
      console.log(`apply FAILED (exit ${apply.exitCode}):\n${apply.output.slice(-3000)}`);
    const state = JSON.parse(readFileSync(join(dir, 'nssv.tfstate'), 'utf8')) as { resources: unknown[] };
    const steps = state.resources.length;
    const perStepMs = apply.wallMs / steps;
    const agentPerStepMs = (a.lastWriteMs - a.firstWriteMs) / steps;
    console.log(
      `apply: ${steps} creates in ${s1(apply.wallMs)} wall, ${s1(apply.cpuMs)} CPU, peak RSS ${apply.maxRssMiB.toFixed(0)} MiB; ` +
        `per step ${perStepMs.toFixed(2)} ms (wall/steps), ${agentPerStepMs.toFixed(2)} ms (agents' first to last write / steps); ` +
        `${mib(apply.writeBytes)} written (state file now ${mib(readFileSync(join(dir, 'nssv.tfstate')).length)}); ` +
        `agent requests ${a.requests}, failed ${a.failed}, connections ${a.connections}`,
    );
    if (args.hold) {
      // For profiling and A/B runs of plans against one applied fleet: serve until interrupted.
      console.log(`holding: stand-ins serve ${dir} until SIGINT or SIGTERM`);
      await new Promise<void>((r) => {
        process.once('SIGINT', r);
        process.once('SIGTERM', r);
      });
      return { size, perStepMs, agentPerStepMs };
    }

    const tags = join(dir, '.nssv', 'inventory-tags.json');
    interface PlanKind {
      label: string;
      /** The plan's arguments for run i. */
      extra: (i: number) => string[];
      /** What is done before run i (not measured). */
      before?: (i: number) => Promise<void>;
    }
    // vm[0]'s memory for run i of the last kind: each run's apply changes it.
    const firstVmMemory = (i: number): string[] => ['-var', `first_vm_memory_mib=${72 + 8 * i}`];
    const oneVmApplies: Measured[] = [];
    const kinds: PlanKind[] = [
      // Every inventory read whole: as after an apply that changed every host, or without the tags.
      {
        label: 'plan, inventories read whole',
        extra: () => [],
        before: async () => rmSync(tags, { force: true }),
      },
      // Then the plan the one before kept the inventory tags for: the agents answer 304.
      { label: 'plan', extra: () => [] },
      { label: 'plan -refresh=false', extra: () => ['-refresh=false'] },
      // An apply that updates one VM carries the other hosts' tags over: one host is read whole.
      {
        label: 'plan after an apply that changed one VM',
        extra: firstVmMemory,
        before: async (i) => {
          const applied = await measure(['apply', '-auto-approve', '-no-color', ...firstVmMemory(i)], dir);
          if (applied.exitCode !== 0)
            console.log(`apply exit ${applied.exitCode}:\n${applied.output.slice(-2000)}`);
          oneVmApplies.push(applied);
        },
      },
    ];
    for (const { label, extra, before } of kinds) {
      const runs: Measured[] = [];
      const gauges: number[] = [];
      let conns = 0;
      let failed = 0;
      let notModified = 0;
      for (let i = 0; i < Number(args.runs); i++) {
        await before?.(i);
        gauges.push(await nodeStartMs());
        reset(standIns);
        const prof =
          args['cpu-prof'] && i === 0
            ? [
                '--cpu-prof',
                `--cpu-prof-dir=${args['cpu-prof']}`,
                `--cpu-prof-name=${size}-${label.replace(/\W+/g, '_')}.cpuprofile`,
              ]
            : [];
        const r = await measure(['plan', '-detailed-exitcode', '-no-color', ...extra(i)], dir, prof);
        if (r.exitCode !== 0) console.log(`${label} exit ${r.exitCode}:\n${r.output.slice(-2000)}`);
        runs.push(r);
        conns = totals(standIns).connections;
        failed += totals(standIns).failed;
        notModified += totals(standIns).notModified;
      }
      console.log(
        `${label} (no changes, ${runs.length} runs): median ${s1(median(runs.map((r) => r.wallMs)))} wall, ` +
          `${s1(median(runs.map((r) => r.cpuMs)))} CPU, peak RSS ${median(runs.map((r) => r.maxRssMiB)).toFixed(0)} MiB ` +
          `(walls ${runs.map((r) => s1(r.wallMs)).join(', ')}; exits ${runs.map((r) => r.exitCode).join(',')}); ` +
          `connections ${conns}, failed requests ${failed}, 304 answers ${notModified}; machine gauge \`node -e 0\` median ${median(gauges).toFixed(0)} ms, ` +
          `wall/gauge median ${median(runs.map((r, k) => r.wallMs / gauges[k]!)).toFixed(1)}`,
      );
    }
    console.log(
      `apply that changed one VM (before each of the last runs): median ${s1(median(oneVmApplies.map((r) => r.wallMs)))} wall, ` +
        `${s1(median(oneVmApplies.map((r) => r.cpuMs)))} CPU, peak RSS ${median(oneVmApplies.map((r) => r.maxRssMiB)).toFixed(0)} MiB ` +
        `(walls ${oneVmApplies.map((r) => s1(r.wallMs)).join(', ')}; exits ${oneVmApplies.map((r) => r.exitCode).join(',')})`,
    );
    return { size, perStepMs, agentPerStepMs };
  } finally {
    await Promise.all(standIns.map((s) => s.close()));
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
  }
}

const results: SizeResult[] = [];
for (const size of args.sizes!.split(',').map(Number)) results.push(await benchSize(size));
if (results.length > 1) {
  const [small, big] = [results[0]!, results.at(-1)!];
  console.log(
    `\nper-step ratio ${big.size}/${small.size}: ${(big.perStepMs / small.perStepMs).toFixed(2)} (wall/steps), ` +
      `${(big.agentPerStepMs / small.agentPerStepMs).toFixed(2)} (agents' write span/steps); target ≤ 1.5`,
  );
}
