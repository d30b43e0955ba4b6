/**
 * Volumes on rbd end to end, on a real Ceph cluster and libvirt: a VM whose disk is an RBD image
 * (a network disk authenticated with a per-host libvirt cephx secret), grown while it runs,
 * out-of-band resizes seen as drift, destroy removing image and domain, and the pool kept in Ceph
 * while its trash holds deleted volumes.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { CEPH_TOOLS } from '../../sandbox/ceph/tools.js';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { run } from '../../sandbox/exec.js';
import { hostVirsh, sandboxCeph, type SandboxHostInfo } from '../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(600_000);

const NEEDS = {
  ...SANDBOX_WITH_AGENTS,
  tools: [...(SANDBOX_WITH_AGENTS.tools ?? []), ...Object.keys(CEPH_TOOLS)],
};

describeE2e('rbd volumes on a two-host sandbox with Ceph', NEEDS, () => {
  let env: E2eSandbox;
  const host = (name: string): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === name)!;
  const virsh = async (h: string, args: string[]) => (await hostVirsh(host(h), args)).stdout.trim();
  const rbd = async (args: string[]): Promise<string> => {
    const c = env.sandbox.ceph!;
    return (await run('ip', ['netns', 'exec', c.netns, 'rbd', '-c', c.conf, ...args])).stdout;
  };
  const ceph = async (args: string[]): Promise<string> => (await sandboxCeph(env.sandbox, args)).stdout;

  const config = (sizeGiB: number): string => `
resource "nssv_distributed_switch" "lan" {
  name          = "lan"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_ids   = [nssv_cluster.sandbox.id]
}

resource "nssv_port_group" "web" {
  name      = "web"
  switch_id = nssv_distributed_switch.lan.id
  vlan_id   = 100
}

resource "nssv_storage_pool" "ceph" {
  name       = "ceph"
  kind       = "rbd"
  cluster_id = nssv_cluster.sandbox.id
  replicas   = 2
}

resource "nssv_volume" "data" {
  name     = "data"
  pool_id  = nssv_storage_pool.ceph.id
  size_gib = ${sizeGiB}
}

resource "nssv_vm" "app" {
  name       = "app"
  cluster_id = nssv_cluster.sandbox.id
  host_id    = "h1"
  vcpus      = 1
  memory_mib = 64
  disk { volume_id = nssv_volume.data.id }
  nic { port_group_id = nssv_port_group.web.id }
}
`;
  const main = () => join(env.configDir, 'main.tf');
  const nssvPools = async (): Promise<string[]> =>
    (JSON.parse(await ceph(['osd', 'pool', 'ls', '--format', 'json'])) as string[]).filter((p) =>
      p.startsWith('nssv.'),
    );
  const poolMeta = async (): Promise<Record<string, string>> =>
    (
      JSON.parse(await ceph(['osd', 'pool', 'application', 'get', 'nssv.ceph', '--format', 'json'])) as {
        rbd: Record<string, string>;
      }
    ).rbd;
  /** The entries of pool ceph that `nssv trash list --json` reports, by volume name. */
  const rbdTrash = async (): Promise<{ id: string; volume: string; poolDeleted?: boolean }[]> =>
    (
      JSON.parse((await nssv(['trash', 'list', '--json'], env.configDir)).stdout) as {
        id: string;
        pool?: string;
        volume: string;
        poolDeleted?: boolean;
      }[]
    )
      .filter((e) => e.pool === 'ceph')
      .sort((a, b) => (a.volume < b.volume ? -1 : 1));

  beforeAll(async () => {
    env = await startSandbox('rbdv', [], { hosts: 2, ceph: true });
    writeFileSync(main(), config(1));
  });

  afterAll(async () => {
    await env?.down();
  });

  test("a VM runs with an rbd disk, authenticated by the host's libvirt cephx secret; the next plan has no changes", async () => {
    const r = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(r.code).toBe(0);
    expect(await virsh('h1', ['domstate', 'app'])).toBe('running');
    const xml = await virsh('h1', ['dumpxml', 'app']);
    expect(xml).toMatch(/<disk type='network' device='disk'>/);
    expect(xml).toMatch(
      /<source protocol='rbd' name='nssv\.ceph\/data'[^>]*>\s*<host name='10\.250\.0\.254' port='6789'\/>/,
    );
    const uuid = /<secret type='ceph' uuid='([0-9a-f-]{36})'\/>/.exec(xml)?.[1];
    expect(uuid).toBeDefined();
    // The secret is defined as private: libvirt never hands the key out, and the XML holds none.
    expect(await virsh('h1', ['secret-dumpxml', uuid!])).toContain("<usage type='ceph'>");
    expect((await hostVirsh(host('h1'), ['secret-get-value', uuid!], { reject: false })).exitCode).not.toBe(
      0,
    );
    const key = /key = (\S+)/.exec(readFileSync(env.sandbox.ceph!.adminKeyring, 'utf8'))![1]!;
    expect(xml).not.toContain(key);
    expect(JSON.parse(await rbd(['info', 'nssv.ceph/data', '--format', 'json']))).toMatchObject({
      size: 1024 ** 3,
    });
    expect(await virsh('h1', ['domblkinfo', 'app', 'vda'])).toMatch(/Capacity:\s+1073741824/);
    const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(plan.stdout).toContain('No changes. Your infrastructure matches the configuration.');
    expect(plan.code).toBe(0);
  });

  test('growing the volume resizes the image under the running guest (same QEMU, new capacity)', async () => {
    const id = await virsh('h1', ['domid', 'app']);
    writeFileSync(main(), config(2));
    const r = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    expect(await virsh('h1', ['domid', 'app'])).toBe(id);
    expect(await virsh('h1', ['domblkinfo', 'app', 'vda'])).toMatch(/Capacity:\s+2147483648/);
    expect(JSON.parse(await rbd(['info', 'nssv.ceph/data', '--format', 'json']))).toMatchObject({
      size: 2 * 1024 ** 3,
    });
    const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(plan.code).toBe(0);
  });

  test('an image grown with the rbd CLI shows as drift: a plan that would shrink it back is refused, naming the sizes', async () => {
    await rbd(['resize', '--size', '3G', 'nssv.ceph/data']);
    const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('main.tf:24:14: nssv_volume.data: size_gib cannot shrink from 3 to 2');
    expect(plan.stderr).toContain('Fix: keep size_gib at 3 or more, or create a new volume.');
    expect(JSON.parse(await rbd(['info', 'nssv.ceph/data', '--format', 'json']))).toMatchObject({
      size: 3 * 1024 ** 3,
    });
    writeFileSync(main(), config(3));
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
  });

  test('rbd volumes of count and for_each that no VM attaches: the first host manages them, Ceph keeps their addresses, the next plan has no changes', async () => {
    const extra = join(env.configDir, 'loose.tf');
    writeFileSync(
      extra,
      `resource "nssv_volume" "scratch" {
  count    = 2
  name     = "scratch-\${count.index}"
  pool_id  = nssv_storage_pool.ceph.id
  size_gib = 1
}

resource "nssv_volume" "named" {
  for_each = { "db/1 x" = "named-a" }
  name     = each.value
  pool_id  = nssv_storage_pool.ceph.id
  size_gib = 1
}
`,
    );
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('Plan: 3 to add, 0 to change, 0 to destroy.');
    expect(plan.stdout).toContain('(managed by the agent of h1, the first host of cluster sandbox)');
    const r = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.');
    expect(JSON.parse(await rbd(['ls', 'nssv.ceph', '--format', 'json']))).toEqual([
      'data',
      'named-a',
      'scratch-0',
      'scratch-1',
    ]);
    // Ceph takes only [A-Za-z0-9-_.=] in a pool metadata value: such addresses are kept encoded.
    const meta = JSON.parse(
      await ceph(['osd', 'pool', 'application', 'get', 'nssv.ceph', '--format', 'json']),
    ).rbd as Record<string, string>;
    const encoded = (address: string) => `b64.${Buffer.from(address).toString('base64url')}`;
    expect(meta).toMatchObject({
      'nssv.volume.data': 'nssv_volume.data',
      'nssv.volume.scratch-0': encoded('nssv_volume.scratch[0]'),
      'nssv.volume.named-a': encoded('nssv_volume.named["db/1 x"]'),
    });
    const again = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(again.stdout).toContain('No changes. Your infrastructure matches the configuration.');
    expect(again.code).toBe(0);

    rmSync(extra);
    const removed = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('Apply complete! Resources: 0 added, 0 changed, 3 destroyed.');
    expect(JSON.parse(await rbd(['ls', 'nssv.ceph', '--format', 'json']))).toEqual(['data']);
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
  });

  test('a volume in an rbd pool needs no format (raw); qcow2 is refused at plan time with the fix; destroy removes domain and image, and keeps the Ceph pool for its trash', async () => {
    const extra = join(env.configDir, 'qcow.tf');
    writeFileSync(
      extra,
      `resource "nssv_volume" "q" {
  name     = "q"
  pool_id  = nssv_storage_pool.ceph.id
  size_gib = 1
  format   = "qcow2"
  host_id  = "h1"
}
`,
    );
    const r = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'qcow.tf:5:14: nssv_volume.q: format = "qcow2" is not allowed when its pool nssv_storage_pool.ceph has kind = "rbd"; allowed: "raw".',
    );
    expect(r.stderr).toContain('Fix: set format = "raw".');
    expect(JSON.parse(await rbd(['ls', 'nssv.ceph', '--format', 'json']))).toEqual(['data']);
    rmSync(extra);

    const d = await nssv(['destroy', '-auto-approve'], env.configDir);
    expect(d.code).toBe(0);
    expect(await virsh('h1', ['list', '--all', '--name'])).toBe('');
    // Deleting the Ceph pool would purge the deleted volumes with it: it is kept, out of nssv's view.
    expect(await nssvPools()).toEqual(['nssv.ceph']);
    expect(JSON.parse(await rbd(['ls', 'nssv.ceph', '--format', 'json']))).toEqual([]);
    const meta = await poolMeta();
    expect(meta['nssv.address']).toBeUndefined();
    expect(meta['nssv.retired']).toMatch(/^\d+$/);
    const kept = await rbdTrash();
    expect(kept.map((e) => [e.volume, e.poolDeleted])).toEqual([
      ['data', true],
      ['named-a', true],
      ['scratch-0', true],
      ['scratch-1', true],
    ]);
    expect((await nssv(['trash', 'list'], env.configDir)).stdout).toContain(
      `${kept[0]!.id}  nssv_volume.data  3 GiB  rbd pool ceph (deleted: declare it again to restore)  deleted `,
    );
    const id = kept[0]!.id;
    const refused = await nssv(['trash', 'restore', id], env.configDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `Error: restore ${id}: host h1: cannot restore ${id}: rbd pool "ceph" was deleted (its Ceph pool is kept only for its trash); declare it again and apply, then restore`,
    );
    expect(refused.stderr).not.toContain('Internal error');
  });

  test('declared again, the kept pool is the pool once more: a volume restored from its trash is adopted by import; the last purge of a deleted pool takes its Ceph pool with it', async () => {
    const pool = `resource "nssv_storage_pool" "ceph" {
  name       = "ceph"
  kind       = "rbd"
  cluster_id = nssv_cluster.sandbox.id
  replicas   = 2
}
`;
    writeFileSync(main(), pool);
    const r = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(r.code).toBe(0);
    // The data center, cluster and hosts went with the destroy too.
    expect(r.stdout).toContain('Apply complete! Resources: 5 added, 0 changed, 0 destroyed.');
    const meta = await poolMeta();
    expect(meta['nssv.address']).toBe('nssv_storage_pool.ceph');
    expect(meta['nssv.retired']).toBeUndefined();

    const [data, ...rest] = await rbdTrash();
    expect(data!.poolDeleted).toBeUndefined();
    expect((await nssv(['trash', 'restore', data!.id], env.configDir)).code).toBe(0);
    expect(JSON.parse(await rbd(['info', 'nssv.ceph/data', '--format', 'json']))).toMatchObject({
      size: 3 * 1024 ** 3,
    });
    writeFileSync(
      main(),
      `${pool}
resource "nssv_volume" "data" {
  name     = "data"
  pool_id  = nssv_storage_pool.ceph.id
  size_gib = 3
}
`,
    );
    expect((await nssv(['import', 'nssv_volume.data', 'data'], env.configDir)).code).toBe(0);
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
    for (const e of rest) expect((await nssv(['trash', 'purge', e.id], env.configDir)).code).toBe(0);
    expect(await nssvPools()).toEqual(['nssv.ceph']);

    expect((await nssv(['destroy', '-auto-approve'], env.configDir)).code).toBe(0);
    const [again] = await rbdTrash();
    expect(again!.volume).toBe('data');
    expect((await poolMeta())['nssv.retired']).toMatch(/^\d+$/);
    expect((await nssv(['trash', 'purge', again!.id], env.configDir)).code).toBe(0);
    expect(await nssvPools()).toEqual([]);
    expect(await rbdTrash()).toEqual([]);
  });
});
