/**
 * Benchmark: synthesis of a CDK app with 10,000 nssv constructs (half Volumes, half Vms each with
 * that volume as its disk and a NIC, plus a data center, cluster, hosts, switch, port group and
 * pool), through App.synth() to cdk.tf.json — validation included. `--bare` times the same shape
 * built from plain TerraformResources (no nssv code at all): the floor cdktn itself sets.
 * Not a test; see bench/README.md.
 *
 *   node --import ./bench/register.mjs bench/cdkSynth10k.ts [--runs 5] [--constructs 10000] [--l1 | --bare]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { App, TerraformResource, TerraformStack } from 'cdktn';
import * as n from '../constructs/index.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    constructs: { type: 'string', default: '10000' },
    l1: { type: 'boolean', default: false },
    bare: { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const pairs = Math.floor(Number(args.constructs) / 2);

/** A resource with no nssv code: the attributes as given. */
class Bare extends TerraformResource {
  public constructor(
    scope: TerraformStack,
    id: string,
    type: string,
    private readonly attrs: Record<string, unknown>,
  ) {
    super(scope, id, { terraformResourceType: type, terraformGeneratorMetadata: { providerName: 'nssv' } });
  }
  public get id(): string {
    return this.getStringAttribute('id');
  }
  protected override synthesizeAttributes(): Record<string, unknown> {
    return this.attrs;
  }
}

function buildBare(stack: TerraformStack): void {
  new n.NssvProvider(stack, 'nssv');
  const pool = new Bare(stack, 'local', 'nssv_storage_pool', { name: 'local', kind: 'dir', cluster_id: 'c' });
  const poolId = pool.id;
  for (let i = 0; i < pairs; i++) {
    const v = new Bare(stack, `v${i}`, 'nssv_volume', { name: `v${i}`, pool_id: poolId, size_gib: 1 });
    new Bare(stack, `vm${i}`, 'nssv_vm', {
      name: `vm${i}`,
      cluster_id: 'c',
      memory_mib: 128,
      disk: [{ volume_id: v.id }],
    });
  }
}

function build(stack: TerraformStack): void {
  if (args.bare) return buildBare(stack);
  new n.NssvProvider(stack, 'nssv');
  const dc = new n.DataCenter(stack, 'dc');
  const cluster = new n.Cluster(dc, 'c', { dataCenter: dc });
  for (let h = 1; h <= 4; h++)
    cluster.addHost(`h${h}`, { endpoint: `http://10.0.0.${h}:7400`, token: 't'.repeat(32) });
  const lan = new n.DistributedSwitch(stack, 'lan', { dataCenter: dc, clusters: [cluster] });
  const web = lan.addPortGroup('web', { vlanId: 100 });
  const pool = n.StoragePool.directory(stack, 'local', { cluster });
  for (let i = 0; i < pairs; i++) {
    if (args.l1) {
      const v = new n.NssvVolume(stack, `v${i}`, { name: `v${i}`, poolId: pool.poolId, sizeGib: 1 });
      new n.NssvVm(stack, `vm${i}`, {
        name: `vm${i}`,
        clusterId: cluster.clusterId,
        memoryMib: 128,
        disk: [{ volumeId: v.id }],
        nic: [{ portGroupId: web.portGroupId }],
      });
      continue;
    }
    const v = new n.Volume(stack, `v${i}`, { pool, size: n.Size.gibibytes(1) });
    new n.Vm(stack, `vm${i}`, { cluster, memory: n.Size.mebibytes(128) }).addDisk(v).attachTo(web);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

type Row = { build: number; synth: number; total: number; cpu: number };
const rows: Row[] = [];
const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
for (let r = 0; r <= runs; r++) {
  const outdir = mkdtempSync(join(tmpdir(), 'nssv-bench-cdk-'));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const app = new App({ outdir });
  build(new TerraformStack(app, 'bench'));
  const t1 = performance.now();
  app.synth();
  const t2 = performance.now();
  const cpu = cpuMs(process.cpuUsage(c0));
  const size = statSync(join(outdir, 'stacks', 'bench', 'cdk.tf.json')).size;
  rmSync(outdir, { recursive: true, force: true });
  if (r === 0) {
    process.stdout.write(`warm-up: ${(t2 - t0).toFixed(0)} ms, cdk.tf.json ${(size / 1e6).toFixed(1)} MB\n`);
    continue;
  }
  rows.push({ build: t1 - t0, synth: t2 - t1, total: t2 - t0, cpu });
}
const f = (k: keyof Row) =>
  `${median(rows.map((x) => x[k])).toFixed(0)} ms (min ${Math.min(...rows.map((x) => x[k])).toFixed(0)}, max ${Math.max(...rows.map((x) => x[k])).toFixed(0)})`;
process.stdout.write(
  `${pairs * 2} ${args.bare ? 'bare TerraformResource' : args.l1 ? 'L1' : 'L2'} constructs, ${runs} runs, median:\n` +
    `  construct: ${f('build')} wall\n  synth:     ${f('synth')} wall\n  total:     ${f('total')} wall, ${f('cpu')} CPU\n`,
);
