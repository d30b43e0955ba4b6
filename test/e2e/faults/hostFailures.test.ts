/**
 * A host failing in the middle of an apply, on real daemons: its agentd killed with SIGKILL while
 * it works on a request, its management link cut, its pool's filesystem full. Each time: a clear
 * error naming the host, nothing on the hosts that neither the state nor the apply journal knows
 * (nothing half-done), and once the host is back the next apply converges with 0 orphans and 0
 * duplicates.
 */
import { JOURNAL_PATH } from '../../../engine/journal/applyJournal.js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { jest } from '@jest/globals';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../../helpers/e2e.js';
import { nssv, repo, type E2eSandbox } from '../support.js';
import { ManagementLink } from './relay.js';
import {
  armFault,
  expectConverges,
  faultInfo,
  fullConfig,
  hostOf,
  inventories,
  orphansAndDuplicates,
  repairSandbox,
  report,
  startFaultSandbox,
  strays,
  writeMain,
} from './support.js';

jest.setTimeout(600_000);

let env: E2eSandbox;
let link: ManagementLink;
const mounts: string[] = [];

/** Starts `nssv apply`; once `host`'s agent has received `n` mutating requests, calls `hit`. */
async function applyHitAt(host: string, n: number, hit: () => void) {
  const h = hostOf(env, host);
  await armFault(h, null);
  const child = execa(process.execPath, [join(repo, 'bin/nssv.cjs'), 'apply', '-auto-approve'], {
    cwd: env.configDir,
    reject: false,
    env: { CI: 'true' },
    stdin: 'ignore',
  });
  let ended = false;
  void child.finally(() => (ended = true));
  while (!ended && (await faultInfo(h)).mutatingRequests < n) await new Promise((r) => setTimeout(r, 10));
  if (ended) throw new Error(`test setup: the apply ended before ${host} received ${n} mutating requests`);
  hit();
  const r = await child;
  return { code: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Addresses of the creates an interrupted apply left in the journal. */
function journaled(): Set<string> {
  const file = join(env.configDir, JOURNAL_PATH);
  if (!existsSync(file)) return new Set();
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return new Set(lines.map((l) => (JSON.parse(l) as { address: string }).address));
}

/** Nothing half-done: every object on the hosts is known to the state or the journal, and nothing else is there. */
async function expectNothingUnknown(): Promise<void> {
  const invs = await inventories(env);
  const { orphans } = orphansAndDuplicates(env, invs);
  const pending = journaled();
  expect(orphans.filter((o) => ![...pending].some((a) => o.includes(`(${a})`)))).toEqual([]);
  expect(await strays(env, invs)).toEqual([]);
}

async function expectConvergedClean(): Promise<void> {
  await expectConverges(env);
  const invs = await inventories(env);
  expect(orphansAndDuplicates(env, invs)).toMatchObject({ orphans: [], duplicates: [] });
  expect(await strays(env, invs)).toEqual([]);
}

function expectNoStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(text).not.toContain('Internal error');
}

describeE2e('fault sweep: a host fails mid-apply', SANDBOX_WITH_AGENTS, () => {
  beforeAll(async () => {
    env = await startFaultSandbox('fhf');
    // h2 is reached through a relay: its management link, which the network-cut test pulls.
    const h2 = hostOf(env, 'h2');
    link = new ManagementLink(Number(new URL(h2.endpoint!).port));
    await link.start();
    const tf = join(env.configDir, 'sandbox.tf');
    writeFileSync(tf, readFileSync(tf, 'utf8').replaceAll(h2.endpoint!, `https://127.0.0.1:${link.port}`));
    writeMain(env, fullConfig());
  });
  afterAll(async () => {
    await link?.stop();
    for (const m of mounts) execFileSync('umount', [m]);
    await env?.down();
  });

  test('GIVEN an apply WHEN the agentd of h1 is killed with SIGKILL while it creates a VM THEN the error names h1; once agentd is back the next apply converges', async () => {
    const h1 = hostOf(env, 'h1');
    const agentd = h1.pids.find((p) => p.role === 'agentd')!.pid;
    // h1's first 9 mutating requests are 2 switches, 3 port groups, the pool and 3 volumes; the 10th defines a VM.
    const r = await applyHitAt('h1', 10, () => process.kill(agentd, 'SIGKILL'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`Error: \\S+: create failed: cannot reach the agent of host h1 at ${h1.endpoint}: `),
    );
    expectNoStack(r.stderr);
    const repaired = await repairSandbox(env);
    expect(repaired.restarted.map((p) => `${p.host} ${p.role}`)).toEqual(['h1 agentd']);
    env.sandbox = repaired;
    await expectNothingUnknown();
    await expectConvergedClean();
    report(
      'agentd of h1 killed while creating a VM: clear error, nothing unknown left, next apply converged',
    );
  });

  test('GIVEN an apply WHEN the management link of h2 is cut while h2 creates a VM THEN the error names h2; once the link is back the next apply converges', async () => {
    expect((await nssv(['destroy', '-auto-approve'], env.configDir)).code).toBe(0);
    writeMain(env, fullConfig());
    const r = await applyHitAt('h2', 10, () => link.cut());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `Error: \\S+: create failed: cannot reach the agent of host h2 at https://127.0.0.1:${link.port}: `,
      ),
    );
    expectNoStack(r.stderr);
    // What h2 did could not be undone while it was cut off: it is named, and stays in the state.
    expect(r.stderr).toMatch(/! \S+: undo failed, clean up by hand: cannot reach the agent of host h2/);
    link.restore();
    await expectNothingUnknown();
    await expectConvergedClean();
    report(
      'management link of h2 cut while it created a VM: clear error, nothing unknown left, next apply converged',
    );
  });

  test('GIVEN a pool whose filesystem is full WHEN a volume is created in it THEN the error names the host and the cause, nothing is left, and it converges once there is room', async () => {
    expect((await nssv(['destroy', '-auto-approve'], env.configDir)).code).toBe(0);
    // A 128 KiB tmpfs on each host as the directory pool "tiny": room for its marker, not for a qcow2 image.
    for (const h of env.sandbox.hosts) {
      const dir = join(h.storageRoot, 'tiny');
      mkdirSync(dir, { recursive: true });
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=128k,mode=0755', 'tmpfs', dir]);
      mounts.push(dir);
    }
    const pool = `
resource "nssv_storage_pool" "tiny" {
  name       = "tiny"
  kind       = "dir"
  cluster_id = nssv_cluster.sandbox.id
}
`;
    writeMain(env, pool);
    await expectConverges(env);
    const before = await inventories(env);
    writeMain(
      env,
      `${pool}
resource "nssv_volume" "big" {
  name     = "big"
  pool_id  = nssv_storage_pool.tiny.id
  host_id  = nssv_host.h1.id
  size_gib = 4
}
`,
    );
    const r = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Error: nssv_volume\.big: create failed: host h1: .*No space left on device/);
    expect(r.stderr).toContain('Nothing had been changed.');
    expectNoStack(r.stderr);
    expect(await inventories(env)).toEqual(before);
    for (const dir of mounts) expect(readdirSync(dir)).toEqual(['.nssv']);
    await expectNothingUnknown();
    for (const dir of mounts) execFileSync('mount', ['-o', 'remount,size=16m', dir]);
    await expectConvergedClean();
    report('volume in a full pool: clear error, nothing left, next apply converged once there was room');
    writeMain(env, pool);
    expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
  });
});
