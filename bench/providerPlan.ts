/**
 * Benchmark: the nssv Terraform provider. Not a test; run on demand (see bench/README.md):
 *
 *   npm run build && node --import ./bench/register.mjs bench/providerPlan.ts [--sizes 1000,10000] [--runs 3]
 *
 * 1. Provider start-up: process start to handshake line (the provider's own clock, and wall
 *    clock from spawn), next to a bare `node` start on the same machine.
 * 2. `terraform plan` through the provider vs `nssv plan`, on the same configuration of N resource
 *    instances with nothing to change: stand-in agents (agentd's HTTP layer over in-memory hosts)
 *    on loopback; `nssv apply` creates everything once, its state is converted to Terraform's
 *    (schema version 0, upgraded by the provider), then each front door plans `--runs` times.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { installMirror } from '../provider/tfplugin/install/mirror.js';
import { MAGIC_COOKIE_VALUE } from '../provider/tfplugin/grpc/handshake.js';
import { toTerraformState } from '../provider/tfplugin/migrate/terraformState.js';
import type { State } from '../planner/state/types.js';
import { fleetConfig } from './fleetConfig.js';
import { startStandIn } from './standinAgent.js';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3' },
    hosts: { type: 'string', default: '10' },
    starts: { type: 'string', default: '15' },
  },
});
const repo = new URL('..', import.meta.url).pathname;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

interface Start {
  wall: number;
  own: number;
  cpu: number;
}

async function startOnce(cmd: string[], env: Record<string, string>): Promise<Start> {
  const t0 = process.hrtime.bigint();
  const p = spawn(process.execPath, cmd, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  p.stderr.on('data', (d) => (err += String(d)));
  await new Promise((resolve) => p.stdout.once('data', resolve));
  const wall = ms(t0);
  await new Promise((r) => setTimeout(r, 30));
  p.kill('SIGKILL');
  await new Promise((r) => p.once('exit', r));
  const m = /after ([\d.]+) ms \(cpu ([\d.]+) ms\)/.exec(err);
  return { wall, own: Number(m?.[1] ?? NaN), cpu: Number(m?.[2] ?? NaN) };
}

async function startup(n: number): Promise<void> {
  const provider: Start[] = [];
  const bare: Start[] = [];
  const bareScript =
    "const c = process.cpuUsage(); process.stderr.write('after ' + performance.now().toFixed(1) + ' ms (cpu ' + ((c.user + c.system) / 1000).toFixed(1) + ' ms)\\n'); process.stdout.write('x\\n'); setTimeout(() => {}, 1000);";
  for (let i = 0; i < n; i++) {
    provider.push(
      await startOnce([join(repo, 'dist/tfplugin/launch.cjs')], {
        TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE,
        NSSV_PROVIDER_TIMING: '1',
      }),
    );
    bare.push(await startOnce(['-e', bareScript], {}));
  }
  const show = (xs: Start[]): string =>
    `median ${median(xs.map((x) => x.own)).toFixed(0)} ms from process start (min ${Math.min(...xs.map((x) => x.own)).toFixed(0)}), ${median(xs.map((x) => x.wall)).toFixed(0)} ms wall from spawn, ${median(xs.map((x) => x.cpu)).toFixed(0)} ms CPU`;
  console.log(`provider start → handshake (${n} starts, the first writes the code cache): ${show(provider)}`);
  console.log(`bare node start, same machine, interleaved: ${show(bare)}`);
}

async function timed(cmd: string, argv: string[], cwd: string, env: Record<string, string>): Promise<number> {
  const t0 = process.hrtime.bigint();
  const r = await execa(cmd, argv, { cwd, env, reject: false, stdin: 'ignore', all: true });
  const t = ms(t0);
  if (r.exitCode !== 0)
    throw new Error(`${cmd} ${argv.join(' ')} exited ${r.exitCode}:\n${(r.all ?? '').slice(-3000)}`);
  return t;
}

async function planBench(size: number, runs: number, hostCount: number, cliConfig: string): Promise<void> {
  const singletons = 6 + hostCount;
  const vms = Math.floor((size - singletons) / 2);
  const standIns = await Promise.all(
    Array.from({ length: hostCount }, (_, i) => startStandIn(`h${String(i + 1).padStart(2, '0')}`)),
  );
  try {
    const dir = mkdtempSync(join(tmpdir(), `nssv-bench-tf-${size}-`));
    writeFileSync(join(dir, 'main.tf'), fleetConfig(standIns, vms, true));
    const nssvCli = [join(repo, 'bin/nssv.cjs')];
    const env = {
      ...process.env,
      CI: 'true',
      TF_CLI_CONFIG_FILE: cliConfig,
      CHECKPOINT_DISABLE: '1',
    } as Record<string, string>;
    const applyMs = await timed(process.execPath, [...nssvCli, 'apply', '-auto-approve'], dir, env);
    const state = JSON.parse(readFileSync(join(dir, 'nssv.tfstate'), 'utf8')) as State;
    const tfVersion = /Terraform v([\d.]+)/.exec((await execa('terraform', ['version'])).stdout)![1]!;
    writeFileSync(
      join(dir, 'terraform.tfstate'),
      JSON.stringify(toTerraformState(state, tfVersion), null, 2),
    );
    await timed('terraform', ['init', '-input=false'], dir, env);
    const nssvPlan: number[] = [];
    const tfPlan: number[] = [];
    for (let i = 0; i < runs; i++) {
      nssvPlan.push(await timed(process.execPath, [...nssvCli, 'plan', '-detailed-exitcode'], dir, env));
      tfPlan.push(await timed('terraform', ['plan', '-detailed-exitcode', '-input=false'], dir, env));
    }
    const instances = state.resources.length;
    console.log(
      `${instances} instances (${hostCount} stand-in hosts): nssv apply ${(applyMs / 1000).toFixed(1)} s once; no-change plan medians: nssv plan ${(median(nssvPlan) / 1000).toFixed(1)} s, terraform plan ${(median(tfPlan) / 1000).toFixed(1)} s, ratio terraform/nssv ${(median(tfPlan) / median(nssvPlan)).toFixed(2)} (runs: nssv ${nssvPlan.map((x) => (x / 1000).toFixed(1)).join(', ')}; terraform ${tfPlan.map((x) => (x / 1000).toFixed(1)).join(', ')})`,
    );
  } finally {
    await Promise.all(standIns.map((s) => s.close()));
  }
}

const mirror = installMirror(mkdtempSync(join(tmpdir(), 'nssv-bench-mirror-')));
await startup(Number(args.starts));
for (const size of args.sizes!.split(',').map(Number))
  await planBench(size, Number(args.runs), Number(args.hosts), mirror.cliConfig);
