import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandIn, type StandIn } from '../../../bench/standinAgent.js';
import { nssv } from '../../e2e/support.js';
import { AgentClient } from '../../../provider/agent/client.js';

/**
 * `nssv plan` asks the hosts the local state records for their inventories on a worker thread
 * while the configuration is evaluated (engine/plan/earlyRefresh.ts), through the built CLI
 * against stand-in agents (agentd's HTTP layer over in-memory hosts).
 */
let h1: StandIn;
let h2: StandIn;
let dir: string;

function config(h1Endpoint: string, memoryMib = 128): string {
  return `
resource "nssv_datacenter" "dc" { name = "dc" }
resource "nssv_cluster" "c" {
  name          = "c"
  datacenter_id = nssv_datacenter.dc.id
}
resource "nssv_host" "h1" {
  name       = "h1"
  cluster_id = nssv_cluster.c.id
  endpoint   = "${h1Endpoint}"
  token      = "${h1.token}"
}
resource "nssv_host" "h2" {
  name       = "h2"
  cluster_id = nssv_cluster.c.id
  endpoint   = "${h2.endpoint}"
  token      = "${h2.token}"
}
resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.c.id
}
resource "nssv_volume" "root" {
  name     = "root"
  pool_id  = nssv_storage_pool.local.id
  host_id  = "h1"
  size_gib = 1
}
resource "nssv_vm" "web" {
  name       = "web"
  cluster_id = nssv_cluster.c.id
  host_id    = "h1"
  vcpus      = 1
  memory_mib = ${memoryMib}
  disk { volume_id = nssv_volume.root.id }
}
`;
}

const tagsFile = (): { key: string; hosts: Record<string, unknown> } =>
  JSON.parse(readFileSync(join(dir, '.nssv', 'inventory-tags.json'), 'utf8')) as {
    key: string;
    hosts: Record<string, unknown>;
  };
/** The state file's identity as LocalBackend.textTag gives it. */
const statTag = (file: string): string => {
  const s = statSync(file, { bigint: true });
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
};
const requests = (): number[] => [h1.stats.requests, h2.stats.requests];
const notModified = (): number[] => [h1.stats.notModified, h2.stats.notModified];
const plan = (...args: string[]) => nssv(['plan', '-no-color', ...args], dir);

beforeAll(async () => {
  h1 = await startStandIn('h1');
  h2 = await startStandIn('h2');
  dir = mkdtempSync(join(tmpdir(), 'nssv-early-refresh-'));
  writeFileSync(join(dir, 'main.tf'), config(h1.endpoint));
  const applied = await nssv(['apply', '-auto-approve', '-no-color'], dir);
  expect(applied.stderr).toContain('7 of 7 steps ran');
  expect(applied.code).toBe(0);
}, 60_000);

afterAll(async () => {
  await h1.close();
  await h2.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('nssv plan with the refresh started early', () => {
  it('GIVEN an applied configuration WHEN planned THEN "No changes." and each host answered one inventory request (the worker\'s)', async () => {
    const before = requests();
    const r = await plan('-detailed-exitcode');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No changes.');
    expect(requests().map((n, i) => n - before[i]!)).toEqual([1, 1]);
  });

  it('GIVEN the directory named by --config from elsewhere WHEN planned THEN the same: one inventory request per host', async () => {
    const before = requests();
    const r = await nssv(['plan', '-no-color', '-detailed-exitcode', '--config', dir], tmpdir());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No changes.');
    expect(requests().map((n, i) => n - before[i]!)).toEqual([1, 1]);
  });

  it('GIVEN plans that found no change WHEN planned again THEN each host is asked with its inventory tag and answers 304, one request each', async () => {
    const tags = JSON.parse(readFileSync(join(dir, '.nssv', 'inventory-tags.json'), 'utf8')) as {
      hosts: Record<string, unknown>;
    };
    expect(Object.keys(tags.hosts)).toEqual(['h1', 'h2']);
    const before = [requests(), notModified()];
    const r = await plan('-detailed-exitcode');
    expect(r.stdout).toContain('No changes.');
    expect(r.code).toBe(0);
    expect([requests(), notModified()].map((now, i) => now.map((n, j) => n - before[i]![j]!))).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('GIVEN a VM deleted out of band after such plans WHEN planned THEN it is seen; once applied, the host it was on is read whole once, the other answers 304', async () => {
    await new AgentClient({ host: 'h1', endpoint: h1.endpoint, token: h1.token }).deleteDomain('web');
    const r = await plan('-detailed-exitcode');
    expect(r.stdout).toContain('# nssv_vm.web will be created');
    expect(r.code).toBe(2);
    expect((await nssv(['apply', '-auto-approve', '-no-color'], dir)).code).toBe(0);
    // The apply changed records on h1 only: h2's tag is carried over to the state it wrote.
    expect(Object.keys(tagsFile().hosts)).toEqual(['h2']);
    expect(tagsFile().key).toContain(statTag(join(dir, 'nssv.tfstate')));
    let before = notModified();
    const asked = requests();
    const after = await plan('-detailed-exitcode');
    expect(after.stdout).toContain('No changes.');
    expect(after.code).toBe(0);
    expect(notModified().map((n, i) => n - before[i]!)).toEqual([0, 1]);
    // One request each: the pool on both hosts is read from h1's inventory, as recorded on h2.
    expect(requests().map((n, i) => n - asked[i]!)).toEqual([1, 1]);
    before = notModified();
    const again = await plan('-detailed-exitcode');
    expect(again.code).toBe(0);
    expect(notModified().map((n, i) => n - before[i]!)).toEqual([1, 1]);
  });

  it('GIVEN an apply that changes nothing on the hosts WHEN planned after it THEN every host answers 304', async () => {
    // A no-change apply still writes the state when an output changes: the tags follow it.
    writeFileSync(join(dir, 'out.tf'), 'output "web_memory" { value = nssv_vm.web.memory_mib }\n');
    try {
      const keyBefore = tagsFile().key;
      const applied = await nssv(['apply', '-auto-approve', '-no-color'], dir);
      expect(applied.code).toBe(0);
      expect(tagsFile().key).not.toBe(keyBefore);
      expect(Object.keys(tagsFile().hosts)).toEqual(['h1', 'h2']);
      expect(tagsFile().key).toContain(statTag(join(dir, 'nssv.tfstate')));
      const before = notModified();
      const r = await plan('-detailed-exitcode');
      expect(r.code).toBe(0);
      expect(notModified().map((n, i) => n - before[i]!)).toEqual([1, 1]);
    } finally {
      rmSync(join(dir, 'out.tf'));
      expect((await nssv(['apply', '-auto-approve', '-no-color'], dir)).code).toBe(0);
    }
  });

  it('GIVEN tags kept WHEN `nssv apply` plans a change THEN it asks the hosts with them too (304s) and applies it; the tags follow', async () => {
    await plan(); // the tags of both hosts, for this state
    expect(Object.keys(tagsFile().hosts)).toEqual(['h1', 'h2']);
    writeFileSync(join(dir, 'main.tf'), config(h1.endpoint, 256));
    try {
      const before = notModified();
      const applied = await nssv(['apply', '-auto-approve', '-no-color'], dir);
      expect(applied.stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
      expect(applied.code).toBe(0);
      expect(notModified().map((n, i) => n - before[i]!)).toEqual([1, 1]);
      expect(Object.keys(tagsFile().hosts)).toEqual(['h2']);
    } finally {
      writeFileSync(join(dir, 'main.tf'), config(h1.endpoint));
      expect((await nssv(['apply', '-auto-approve', '-no-color'], dir)).code).toBe(0);
    }
  });

  it('GIVEN the state edited by hand, serial kept WHEN planned THEN the tags kept for it are not used: the hosts are read whole', async () => {
    const file = join(dir, 'nssv.tfstate');
    const good = readFileSync(file, 'utf8');
    expect(good).toContain('"memory_mib":128');
    // As the host says it is not: were the tags taken for this state, the plan would show 999 -> 128.
    writeFileSync(file, good.replace('"memory_mib":128', '"memory_mib":999'));
    try {
      const before = notModified();
      const r = await plan('-detailed-exitcode');
      expect(r.stdout).toContain('No changes.');
      expect(r.code).toBe(0);
      expect(notModified()).toEqual(before);
    } finally {
      writeFileSync(file, good);
    }
  });

  it('GIVEN a change WHEN planned THEN it is planned as from a direct refresh', async () => {
    writeFileSync(join(dir, 'main.tf'), config(h1.endpoint, 256));
    try {
      const r = await plan('-detailed-exitcode');
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('~ memory_mib = 128 -> 256');
      expect(r.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
    } finally {
      writeFileSync(join(dir, 'main.tf'), config(h1.endpoint));
    }
  });

  it("GIVEN the configuration moves a host's endpoint WHEN planned THEN the new endpoint is asked, not the answer from the recorded one", async () => {
    writeFileSync(join(dir, 'main.tf'), config(h2.endpoint));
    try {
      const r = await plan();
      expect(r.code).toBe(1);
      // h2's agent, asked with h1's token, refuses it: the answer h1 gave the worker is not used
      expect(r.stderr).toContain(
        'The agent refused the token of nssv_host "h1". Fix: set token to the agent\'s token.',
      );
    } finally {
      writeFileSync(join(dir, 'main.tf'), config(h1.endpoint));
    }
  });

  it('GIVEN a configuration that does not parse WHEN planned THEN the error is reported and no host is asked', async () => {
    writeFileSync(join(dir, 'broken.tf'), 'resource "nssv_vm" {\n');
    try {
      const before = requests();
      const r = await plan();
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('broken.tf:');
      expect(requests()).toEqual(before);
    } finally {
      rmSync(join(dir, 'broken.tf'));
    }
  });

  it('GIVEN -refresh=false WHEN planned THEN no host is asked', async () => {
    const before = requests();
    const r = await plan('-refresh=false', '-detailed-exitcode');
    expect(r.code).toBe(0);
    expect(requests()).toEqual(before);
  });

  it('GIVEN a state that fails the checks WHEN planned THEN the plan says why, and the hosts its text records had at most their inventory read', async () => {
    const file = join(dir, 'nssv.tfstate');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('"version":2', '"version":99'));
    try {
      const before = requests();
      const r = await plan();
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        'it has format version 99, written by a newer nssv (this one reads versions 1 to 2)',
      );
      expect(requests().map((n, i) => n - before[i]! <= 1)).toEqual([true, true]);
    } finally {
      writeFileSync(file, good);
    }
  });
});
