/**
 * Images on rbd end to end, on a real Ceph cluster and libvirt: an rbd image storage is a Ceph
 * pool (nssv-images.<name>); the sandbox guest image (qcow2) is verified, converted and imported
 * into it with a protected snapshot `base`; a VM boots from a linked rbd clone of it until
 * systemd greets on the serial console, which proves its bootloader, kernel, initramfs and root
 * file system were read through librbd from the clone; a full clone is flattened. The next plan
 * is empty; deleting the image while clones exist is refused naming them; an image removed in
 * Ceph is drift that the next apply imports again; destroy leaves no nssv pool in Ceph.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { jest } from '@jest/globals';
import { CEPH_TOOLS } from '../../sandbox/ceph/tools.js';
import { ensureGuestImage, type GuestImage } from '../../sandbox/guestImage.js';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { contentSum } from '../helpers/contentSum.js';
import { agentFetch } from '../helpers/agentFetch.js';
import { run } from '../../sandbox/exec.js';
import { hostVirsh, sandboxCeph, type SandboxHostInfo } from '../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(20 * 60_000);

const NEEDS = {
  ...SANDBOX_WITH_AGENTS,
  tools: [...(SANDBOX_WITH_AGENTS.tools ?? []), ...Object.keys(CEPH_TOOLS)],
};
/** Boot until systemd starts, under TCG (to the later login prompt: about a minute on an idle 2-core machine, several under load). */
const BOOT_DEADLINE_MS = 12 * 60_000;

describeE2e('images in an rbd image storage, and VMs booting from rbd clones of them', NEEDS, () => {
  let env: E2eSandbox;
  let image: GuestImage;
  const host = (name: string): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === name)!;
  const virsh = async (h: string, args: string[]) => (await hostVirsh(host(h), args)).stdout.trim();
  const rbd = async (args: string[]): Promise<string> => {
    const c = env.sandbox.ceph!;
    return (await run('ip', ['netns', 'exec', c.netns, 'rbd', '-c', c.conf, ...args])).stdout;
  };
  const rbdInfo = async (img: string) =>
    JSON.parse(await rbd(['info', img, '--format', 'json'])) as {
      size: number;
      parent?: { pool: string; image: string; snapshot: string };
    };
  const ceph = async (args: string[]): Promise<string> => (await sandboxCeph(env.sandbox, args)).stdout;
  const main = () => join(env.configDir, 'main.tf');

  /** The storages, with the image unless `policy` is null (its delete_policy when a string). */
  const storage = (policy: string | null | undefined = undefined): string => `
resource "nssv_image_storage" "gold" {
  name          = "gold"
  kind          = "rbd"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_id    = nssv_cluster.sandbox.id
}
${
  policy === null
    ? ''
    : `
resource "nssv_image" "debian" {
  name             = "debian"
  image_storage_id = nssv_image_storage.gold.id
  source           = "${image.path}"
  format           = "qcow2"
  sha256           = "${image.sha256}"${policy === undefined ? '' : `\n  delete_policy    = "${policy}"`}
}
`
}
resource "nssv_storage_pool" "ceph" {
  name       = "ceph"
  kind       = "rbd"
  cluster_id = nssv_cluster.sandbox.id
  replicas   = 2
}
`;
  const vm = (): string => `
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

resource "nssv_volume" "root" {
  name            = "root"
  pool_id         = nssv_storage_pool.ceph.id
  size_gib        = 1
  source_image_id = nssv_image.debian.id
  clone_mode      = "linked"
  delete_policy   = "immediate"
}

resource "nssv_volume" "copy" {
  name            = "copy"
  pool_id         = nssv_storage_pool.ceph.id
  size_gib        = 2
  host_id         = "h1"
  source_image_id = nssv_image.debian.id
  clone_mode      = "full"
  delete_policy   = "immediate"
}

resource "nssv_vm" "app" {
  name       = "app"
  cluster_id = nssv_cluster.sandbox.id
  host_id    = "h1"
  vcpus      = 1
  memory_mib = 512
  disk { volume_id = nssv_volume.root.id }
  nic { port_group_id = nssv_port_group.web.id }
}
`;

  const emptyPlan = async (): Promise<void> => {
    const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(plan.stdout).toContain('No changes. Your infrastructure matches the configuration.');
    expect(plan.code).toBe(0);
  };

  beforeAll(async () => {
    image = ensureGuestImage(() => undefined);
    env = await startSandbox('rbdi', [], { hosts: 2, ceph: true });
  });

  afterAll(async () => {
    if (env) await nssv(['destroy', '-auto-approve'], env.configDir);
    await env?.down();
  });

  test('GIVEN an rbd image storage, an image and a VM on a linked rbd clone of it WHEN applied THEN the image is a protected base snapshot in Ceph, the disk is its clone, the full copy has no parent, the guest boots and the next plan is empty', async () => {
    writeFileSync(main(), storage() + vm());
    const started = Date.now();
    const r = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Apply complete! Resources: 12 added, 0 changed, 0 destroyed.');
    process.stderr.write(`rbd image import + clones + VM: ${(Date.now() - started) / 1000} s\n`);

    const pools = JSON.parse(await ceph(['osd', 'pool', 'ls', '--format', 'json'])) as string[];
    expect(pools).toContain('nssv-images.gold');
    const snaps = JSON.parse(await rbd(['snap', 'ls', 'nssv-images.gold/debian', '--format', 'json'])) as {
      name: string;
      protected: string;
    }[];
    expect(snaps.map((s) => [s.name, s.protected])).toEqual([['base', 'true']]);
    // The guest image's virtual size (qcow2 converted to a raw RBD image).
    expect((await rbdInfo('nssv-images.gold/debian')).size).toBe(
      Number(
        /"virtual-size": (\d+)/.exec(
          (await run('qemu-img', ['info', '--output=json', image.path])).stdout,
        )![1],
      ),
    );
    const root = await rbdInfo('nssv.ceph/root');
    expect(root.parent).toMatchObject({ pool: 'nssv-images.gold', image: 'debian', snapshot: 'base' });
    expect(root.size).toBe(1024 ** 3);
    const copy = await rbdInfo('nssv.ceph/copy');
    expect(copy.parent).toBeUndefined();
    expect(copy.size).toBe(2 * 1024 ** 3);
    expect(JSON.parse(await rbd(['children', 'nssv-images.gold/debian@base', '--format', 'json']))).toEqual([
      { pool: 'nssv.ceph', pool_namespace: '', image: 'root' },
    ]);

    expect(await virsh('h1', ['domstate', 'app'])).toBe('running');
    const xml = await virsh('h1', ['dumpxml', 'app']);
    expect(xml).toMatch(/<source protocol='rbd' name='nssv\.ceph\/root'/);

    // The guest boots from the clone: syslinux loads the kernel and initramfs from it, the kernel
    // prints its version, and the initramfs mounts the root file system, whose systemd (PID 1)
    // greets with the name in its /etc/os-release; the rest of the boot proves nothing more about
    // rbd. systemd colours the name (hence `.*`).
    const SYSTEMD_WELCOME = /Welcome to .*Debian GNU\/Linux/;
    let log = '';
    const deadline = Date.now() + BOOT_DEADLINE_MS;
    while (Date.now() < deadline) {
      log = (await nssv(['console-log', 'app'], env.configDir)).stdout;
      if (SYSTEMD_WELCOME.test(log)) break;
      await new Promise((res) => setTimeout(res, 2000));
    }
    process.stderr.write(`guest on an rbd clone: systemd started after ${(Date.now() - started) / 1000} s\n`);
    expect(log).toContain('Linux version');
    expect(log).toMatch(SYSTEMD_WELCOME);

    const state = await nssv(['state', 'show', 'nssv_volume.root'], env.configDir);
    expect(state.stdout).toMatch(/clone_state\s+= "linked"/);
    const copyState = await nssv(['state', 'show', 'nssv_volume.copy'], env.configDir);
    expect(copyState.stdout).toMatch(/clone_state\s+= "independent"/);
    await emptyPlan();
  });

  test('GIVEN clones of the image WHEN the agent is asked to delete the image THEN it refuses (409), naming the clones, and the image stays', async () => {
    const h = host('h1');
    const res = await agentFetch(h, '/v1/image-stores/gold/images/debian', {
      method: 'DELETE',
      headers: { authorization: `Bearer ${h.token}` },
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toBe(
      'image "debian" in rbd image store "gold" is the parent of rbd clone(s) ceph/root; delete those volumes first (or make them full clones)',
    );
    expect((await rbdInfo('nssv-images.gold/debian')).size).toBeGreaterThan(0);
    await emptyPlan();
  });

  test('GIVEN the VM and its volumes removed from the configuration and the image deleted in Ceph WHEN planned THEN the image shows as missing and the next apply imports it again', async () => {
    writeFileSync(main(), storage());
    const d = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(d.code).toBe(0);
    expect(d.stdout).toContain('Apply complete! Resources: 0 added, 0 changed, 5 destroyed.');
    expect(JSON.parse(await rbd(['ls', 'nssv.ceph', '--format', 'json']))).toEqual([]);
    await emptyPlan();

    await rbd(['snap', 'unprotect', 'nssv-images.gold/debian@base']);
    await rbd(['snap', 'purge', '--no-progress', 'nssv-images.gold/debian']);
    await rbd(['rm', '--no-progress', 'nssv-images.gold/debian']);
    const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('# nssv_image.debian will be created');
    expect(plan.stdout).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
    const again = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(again.code).toBe(0);
    expect((await rbdInfo('nssv-images.gold/debian')).size).toBeGreaterThan(0);
    await emptyPlan();
  });

  test('GIVEN the image with delete_policy = "delayed" WHEN it leaves the configuration THEN it waits in the store pool\'s rbd trash, listed once for the cluster; restored it is byte-identical with its protected base; trashed again and purged, nothing is left', async () => {
    /** The contentSum of an RBD image, converted through librbd to a sparse raw file (only its data is read). */
    const rbdSha = async (img: string): Promise<string> => {
      const c = env.sandbox.ceph!;
      const out = join(mkdtempSync(join(tmpdir(), 'nssv-rbd-sum-')), 'image.raw');
      try {
        await run('ip', [
          'netns',
          'exec',
          c.netns,
          'qemu-img',
          'convert',
          '-f',
          'raw',
          '-O',
          'raw',
          `rbd:${img}:conf=${c.conf}`,
          out,
        ]);
        return await contentSum(out);
      } finally {
        rmSync(dirname(out), { recursive: true, force: true });
      }
    };
    writeFileSync(main(), storage('delayed'));
    expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
    const before = await rbdSha('nssv-images.gold/debian');

    writeFileSync(main(), storage(null));
    const del = await nssv(['apply', '-auto-approve'], env.configDir);
    expect([del.code, del.stdout]).toEqual([0, expect.stringContaining('0 added, 0 changed, 1 destroyed.')]);
    const inCeph = JSON.parse(await rbd(['trash', 'ls', 'nssv-images.gold', '--format', 'json'])) as {
      id: string;
      name: string;
    }[];
    expect(inCeph.map((e) => e.name)).toEqual(['debian']);
    expect(JSON.parse(await rbd(['ls', 'nssv-images.gold', '--format', 'json']))).toEqual([]);
    type Entry = {
      id: string;
      store: string;
      image?: string;
      imageStore?: string;
      address: string;
      hosts: string[];
    };
    const trash = async (): Promise<Entry[]> =>
      (JSON.parse((await nssv(['trash', 'list', '--json'], env.configDir)).stdout) as Entry[]).filter(
        (e) => e.image !== undefined, // the VM and volumes deleted above may wait there too
      );
    const [entry, ...more] = await trash();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      id: `gold.${inCeph[0]!.id}`,
      store: 'rbd',
      image: 'debian',
      imageStore: 'gold',
      address: 'nssv_image.debian',
      hosts: ['h1', 'h2'],
    });
    const text = await nssv(['trash', 'list'], env.configDir);
    expect(text.stdout).toContain(
      `gold.${inCeph[0]!.id}  nssv_image.debian  image debian in rbd image storage gold  deleted `,
    );

    expect((await nssv(['trash', 'restore', entry!.id], env.configDir)).code).toBe(0);
    const snaps = JSON.parse(await rbd(['snap', 'ls', 'nssv-images.gold/debian', '--format', 'json'])) as {
      name: string;
      protected: string;
    }[];
    expect(snaps.map((s) => [s.name, s.protected])).toEqual([['base', 'true']]);
    expect(await rbdSha('nssv-images.gold/debian')).toBe(before);
    expect(await trash()).toEqual([]);

    // The restored image is outside the state; the agent's trash route moves it back, and purge drops it.
    const h = host('h2');
    const again = await agentFetch(h, '/v1/image-stores/gold/images/debian/trash', {
      method: 'PUT',
      headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ address: 'nssv_image.debian', expiresAt: null }),
    });
    expect(again.status).toBe(200);
    const second = (await again.json()) as { id: string };
    expect((await nssv(['trash', 'purge', second.id], env.configDir)).code).toBe(0);
    expect(JSON.parse(await rbd(['trash', 'ls', 'nssv-images.gold', '--format', 'json']))).toEqual([]);
    expect(await trash()).toEqual([]);
    await emptyPlan();
  });

  test("GIVEN a delayed image in the store WHEN destroyed THEN the store's Ceph pool is kept for its trash (a restore says to declare the store again) until the image is purged; then no nssv pool is left in Ceph", async () => {
    const nssvPools = async (): Promise<string[]> =>
      (JSON.parse(await ceph(['osd', 'pool', 'ls', '--format', 'json'])) as string[]).filter((p) =>
        p.startsWith('nssv'),
      );
    writeFileSync(main(), storage('delayed'));
    expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
    const d = await nssv(['destroy', '-auto-approve'], env.configDir);
    expect(d.code).toBe(0);
    expect(await nssvPools()).toEqual(['nssv-images.gold']);
    const meta = (
      JSON.parse(
        await ceph(['osd', 'pool', 'application', 'get', 'nssv-images.gold', '--format', 'json']),
      ) as { rbd: Record<string, string> }
    ).rbd;
    expect(meta['nssv.address']).toBeUndefined();
    expect(meta['nssv.retired']).toMatch(/^\d+$/);
    const listed = (
      JSON.parse((await nssv(['trash', 'list', '--json'], env.configDir)).stdout) as {
        id: string;
        image?: string;
        poolDeleted?: boolean;
      }[]
    ).filter((e) => e.image !== undefined);
    expect(listed.map((e) => [e.image, e.poolDeleted])).toEqual([['debian', true]]);
    const id = listed[0]!.id;
    const refused = await nssv(['trash', 'restore', id], env.configDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `Error: restore ${id}: host h1: cannot restore ${id}: rbd image store "gold" was deleted (its Ceph pool is kept only for its trash); declare it again and apply, then restore`,
    );
    expect(refused.stderr).not.toContain('Internal error');
    expect((await nssv(['trash', 'purge', id], env.configDir)).code).toBe(0);
    expect(await nssvPools()).toEqual([]);
  });
});
