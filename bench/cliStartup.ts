/**
 * CLI start-up, side by side with Terraform in the same run (issue 14): `nssv --version`,
 * `nssv --help` and `nssv validate` of the quick start (examples/quickstart plus the sandbox.tf
 * that `nssv sandbox up --emit` writes for two hosts), against `terraform version` and
 * `terraform validate` of a Terraform-only configuration of the same shape (7 resources, 2
 * variables, `terraform_data`, so no provider has to be installed). Runs the built CLI
 * (`npm run build` first), each command `--runs` times after one warm-up, interleaved so load
 * on the machine hits all of them alike; reports wall-clock median / p90 / min and the median
 * CPU time (user + system, from /proc/self/stat of the children), which load on a shared machine
 * disturbs much less than wall-clock time.
 *
 *   node --import ./bench/register.mjs bench/cliStartup.ts [--runs 20]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSandboxTf } from '../sandbox/emitTf.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 20;

/** Targets from issue 14, in milliseconds of wall-clock time on this machine. */
const TARGET_MS: Record<string, number> = { 'nssv --version': 150, 'nssv --help': 150, 'nssv validate': 350 };

const TF_CONFIG = `variable "vm_memory_mib" {
  type    = number
  default = 128
}

variable "web_vlan" {
  type    = number
  default = 100
}

resource "terraform_data" "lan" { input = { name = "lan", mtu = 1500 } }
resource "terraform_data" "web" { input = { name = "web", switch = terraform_data.lan.id, vlan = var.web_vlan } }
resource "terraform_data" "local" { input = { name = "local", type = "dir" } }
resource "terraform_data" "web1_root" { input = { pool = terraform_data.local.id, size_gib = 1 } }
resource "terraform_data" "web2_root" { input = { pool = terraform_data.local.id, size_gib = 1 } }
resource "terraform_data" "web1" { input = { memory_mib = var.vm_memory_mib, disk = terraform_data.web1_root.id, nic = terraform_data.web.id } }
resource "terraform_data" "web2" { input = { memory_mib = var.vm_memory_mib, disk = terraform_data.web2_root.id, nic = terraform_data.web.id } }
`;

interface Case {
  name: string;
  argv: string[];
  cwd: string;
}

/** CPU time (user + system) of this process's waited-for children so far, in ms. */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17, in clock ticks (100 Hz)
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function runOnce(c: Case): { wallMs: number; cpuMs: number } {
  const cpu0 = childrenCpuMs();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(c.argv[0]!, c.argv.slice(1), { cwd: c.cwd, encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  return { wallMs, cpuMs: childrenCpuMs() - cpu0 };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

const work = mkdtempSync(join(tmpdir(), 'nssv-bench-startup-'));
try {
  const nssvDir = join(work, 'quickstart');
  const tfDir = join(work, 'terraform');
  spawnSync('mkdir', ['-p', nssvDir, tfDir]);
  copyFileSync(join(repo, 'examples/quickstart/main.tf'), join(nssvDir, 'main.tf'));
  const hosts = ['h1', 'h2'].map((name, i) => ({
    name,
    endpoint: `http://10.77.0.${i + 2}:7700`,
    token: 'bench-token-not-secret',
  }));
  writeFileSync(join(nssvDir, 'sandbox.tf'), renderSandboxTf(hosts, work));
  writeFileSync(join(tfDir, 'main.tf'), TF_CONFIG);
  const init = spawnSync('terraform', ['init', '-input=false', '-no-color'], {
    cwd: tfDir,
    encoding: 'utf8',
  });
  if (init.status !== 0) throw new Error(`terraform init failed: ${init.stderr}`);

  const nssv = [process.execPath, join(repo, 'bin/nssv.cjs')];
  const cases: Case[] = [
    { name: 'nssv --version', argv: [...nssv, '--version'], cwd: work },
    { name: 'nssv --help', argv: [...nssv, '--help'], cwd: work },
    { name: 'nssv validate', argv: [...nssv, 'validate', '--config', nssvDir], cwd: work },
    { name: 'terraform version', argv: ['terraform', 'version'], cwd: tfDir },
    { name: 'terraform validate', argv: ['terraform', 'validate', '-no-color'], cwd: tfDir },
    { name: 'node -e 0 (floor)', argv: [process.execPath, '-e', '0'], cwd: work },
  ];
  for (const c of cases) runOnce(c); // warm-up (and nssv's V8 code cache)
  const samples = new Map(cases.map((c) => [c.name, { wall: [] as number[], cpu: [] as number[] }]));
  for (let i = 0; i < runs; i++) {
    for (const c of cases) {
      const r = runOnce(c);
      samples.get(c.name)!.wall.push(r.wallMs);
      samples.get(c.name)!.cpu.push(r.cpuMs);
    }
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  process.stdout.write(`CLI start-up, ${runs} runs each (load average ${load}; 2 cores)\n\n`);
  const header = ['command', 'median ms', 'p90 ms', 'min ms', 'cpu ms (median)', 'target ms'];
  const rows = cases.map((c) => {
    const s = samples.get(c.name)!;
    const wall = [...s.wall].sort((a, b) => a - b);
    const cpu = [...s.cpu].sort((a, b) => a - b);
    const target = TARGET_MS[c.name];
    const median = quantile(wall, 0.5);
    return [
      c.name,
      median.toFixed(0),
      quantile(wall, 0.9).toFixed(0),
      wall[0]!.toFixed(0),
      quantile(cpu, 0.5).toFixed(0),
      target === undefined ? '' : `${target} ${median <= target ? 'met' : 'MISSED'}`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [header, ...rows]) {
    process.stdout.write(
      r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ') + '\n',
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
