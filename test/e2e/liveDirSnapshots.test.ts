/**
 * A dir pool's snapshot of a volume a running VM writes to, end to end on real libvirt/QEMU and
 * qemu-img: the snapshot is taken live (libvirt disk-only snapshot onto a scratch overlay, then
 * blockcopy --pivot back onto the volume's path), the domain keeps running in the same QEMU, its
 * live and persistent XML name the volume's image, which is an overlay on the snapshot layer as
 * an offline snapshot leaves it, and the next plan is empty. More data, then a revert (the VM
 * stopped: power_state = "shutoff") brings the snapshot's data back (checksum); same domain UUID.
 * Then, the VM running, snapshots s1 and s2 with data written into the running QEMU before each
 * (HMP qemu-io), and both deleted live: s1 (under s2: two block copies) and s2 (under the active
 * image: blockpull --base); same QEMU, same data (checksum), the chain one layer shorter each time.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { run } from '../../sandbox/exec.js';
import { hostVirsh } from '../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(600_000);

const NEEDS = { ...SANDBOX_WITH_AGENTS, tools: [...(SANDBOX_WITH_AGENTS.tools ?? []), 'qemu-io'] };

async function sha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

describeE2e('live snapshots of dir pool volumes', NEEDS, () => {
  let env: E2eSandbox;
  const scratch = mkdtempSync(join(tmpdir(), 'nssv-live-sums-'));
  const h1 = () => env.sandbox.hosts[0]!;
  const virsh = async (args: string[]) => (await hostVirsh(h1(), args)).stdout.trim();
  const pool = () => join(h1().storageRoot, 'local');
  const image = () => join(pool(), 'data.qcow2');
  const layer = () => join(pool(), '.nssv', 'snapshots', 'data', 'before.qcow2');
  const sumFile = async (path: string): Promise<string> => {
    const out = join(scratch, 'file.raw');
    rmSync(out, { force: true });
    await run('qemu-img', ['convert', '-U', '-O', 'raw', path, out]);
    const sum = await sha256(out);
    rmSync(out, { force: true });
    return sum;
  };
  const writeImage = (pattern: number, offsetMiB: number) =>
    run('qemu-io', ['-f', 'qcow2', '-c', `write -P ${pattern} ${offsetMiB}M 1M`, image()]);
  const config = (power: string, snapshot: string) => `
resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.sandbox.id
}

resource "nssv_volume" "data" {
  name     = "data"
  pool_id  = nssv_storage_pool.local.id
  size_gib = 1
}

resource "nssv_vm" "app" {
  name        = "app"
  cluster_id  = nssv_cluster.sandbox.id
  vcpus       = 1
  memory_mib  = 64
  power_state = "${power}"
  disk { volume_id = nssv_volume.data.id }
}
${snapshot}`;
  const snapshot = (revertSerial: number, ...more: string[]) => `
resource "nssv_volume_snapshot" "before" {
  name          = "before"
  volume_id     = nssv_volume.data.id
  revert_serial = ${revertSerial}
}
${more.map((n) => `resource "nssv_volume_snapshot" "${n}" {\n  name      = "${n}"\n  volume_id = nssv_volume.data.id\n}\n`).join('')}`;
  const layerOf = (name: string) => join(pool(), '.nssv', 'snapshots', 'data', `${name}.qcow2`);
  /** qemu-io commands run by the running QEMU on the disk's virtio device (HMP), then a flush, so qemu-img sees the data. */
  const qemuIoLive = async (...cmds: string[]) => {
    const xml = await virsh(['dumpxml', 'app']);
    const disk = [...xml.matchAll(/<disk\b[\s\S]*?<\/disk>/g)].find((m) => m[0].includes(image()))![0];
    const device = /<alias name='([^']+)'/.exec(disk)![1]!;
    for (const cmd of [...cmds, 'flush']) {
      const out = await virsh([
        'qemu-monitor-command',
        'app',
        '--hmp',
        `qemu-io -d /machine/peripheral/${device}/virtio-backend "${cmd}"`,
      ]);
      expect(out).not.toMatch(/error|failed/i);
    }
  };
  const writeLive = (pattern: number, offsetMiB: number) =>
    qemuIoLive(`write -P ${pattern} ${offsetMiB}M 1M`);
  /** The running disk's data as the guest sees it (QEMU's cached metadata flushed first). */
  const sumLive = async () => {
    await qemuIoLive();
    return sumFile(image());
  };
  const chain = async (): Promise<string[]> => {
    const out = (await run('qemu-img', ['info', '-U', '--backing-chain', '--output=json', image()])).stdout;
    return (JSON.parse(out) as { filename: string }[]).map((i) => i.filename);
  };
  const apply = async (power: string, snap: string) => {
    writeFileSync(join(env.configDir, 'main.tf'), config(power, snap));
    return nssv(['apply', '-auto-approve'], env.configDir);
  };
  const noChanges = async () => {
    const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(plan.stdout).toContain('No changes. Your infrastructure matches the configuration.');
    expect(plan.code).toBe(0);
  };
  const sums: Record<string, string> = {};
  let uuid = '';

  beforeAll(async () => {
    env = await startSandbox('live', [], { hosts: 1 });
  });

  afterAll(async () => {
    if (env) await nssv(['destroy', '-auto-approve'], env.configDir);
    await env?.down();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('GIVEN a running VM whose disk holds data WHEN a snapshot of the volume is applied THEN it is taken live: same QEMU, live and persistent XML on the image, the image an overlay on the snapshot layer, no scratch file left, the replan empty', async () => {
    expect((await apply('shutoff', '')).code).toBe(0);
    await writeImage(0x11, 0);
    await writeImage(0x12, 100);
    sums.first = await sumFile(image());
    expect((await apply('running', '')).code).toBe(0);
    expect(await virsh(['domstate', 'app'])).toBe('running');
    uuid = await virsh(['domuuid', 'app']);
    const pid = await virsh(['domid', 'app']);

    const r = await apply('running', snapshot(0));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    expect(await virsh(['domstate', 'app'])).toBe('running');
    expect(await virsh(['domid', 'app'])).toBe(pid);
    const live = await virsh(['dumpxml', 'app']);
    expect(live).toContain(`<source file='${image()}' index=`);
    expect(live).toMatch(
      new RegExp(
        `<backingStore type='file' index='\\d+'>\\s*<format type='qcow2'/>\\s*<source file='${layer()}'/>`,
      ),
    );
    const inactive = await virsh(['dumpxml', '--inactive', 'app']);
    expect(inactive).toContain(`<source file='${image()}'/>`);
    expect(inactive).not.toContain('.live.qcow2');
    const info = JSON.parse((await run('qemu-img', ['info', '-U', '--output=json', image()])).stdout) as {
      'backing-filename'?: string;
    };
    expect(info['backing-filename']).toBe(layer());
    expect(await sumFile(layer())).toBe(sums.first);
    const scratchDir = join(pool(), '.nssv', 'scratch');
    expect(existsSync(scratchDir) ? readdirSync(scratchDir) : []).toEqual([]);
    await noChanges();
  });

  test('GIVEN more data written after the snapshot WHEN reverted (the VM stopped first) THEN the first data is back, the domain keeps its UUID and runs again, the replan empty', async () => {
    expect((await apply('shutoff', snapshot(0))).code).toBe(0);
    await writeImage(0x22, 0);
    await writeImage(0x23, 200);
    const second = await sumFile(image());
    expect(second).not.toBe(sums.first);

    const r = await apply('shutoff', snapshot(1));
    expect(r.code).toBe(0);
    expect(await sumFile(image())).toBe(sums.first);
    expect((await apply('running', snapshot(1))).code).toBe(0);
    expect(await virsh(['domstate', 'app'])).toBe('running');
    expect(await virsh(['domuuid', 'app'])).toBe(uuid);
    await noChanges();
  });

  test('GIVEN a running VM with snapshots s1 and s2, data written live before each WHEN s1 (under s2) and then s2 (under the active image) are deleted THEN each is deleted live: same QEMU, same data, the chain one layer shorter, the XML on the same files, no scratch file left, the replan empty', async () => {
    expect(await virsh(['domstate', 'app'])).toBe('running');
    const pid = await virsh(['domid', 'app']);
    await writeLive(0x31, 300);
    expect((await apply('running', snapshot(1, 's1'))).code).toBe(0);
    await writeLive(0x32, 400);
    expect((await apply('running', snapshot(1, 's1', 's2'))).code).toBe(0);
    await writeLive(0x33, 500);
    const all = await sumLive();
    const atS2 = await sumFile(layerOf('s2'));
    expect(atS2).not.toBe(all);
    expect(await chain()).toEqual([image(), layerOf('s2'), layerOf('s1'), layer()]);
    expect(await virsh(['domid', 'app'])).toBe(pid);

    const r1 = await apply('running', snapshot(1, 's2'));
    expect(r1.code).toBe(0);
    expect(r1.stdout).toContain('Apply complete! Resources: 0 added, 0 changed, 1 destroyed.');
    expect(await virsh(['domid', 'app'])).toBe(pid);
    expect(await chain()).toEqual([image(), layerOf('s2'), layer()]);
    expect(existsSync(layerOf('s1'))).toBe(false);
    expect(await sumLive()).toBe(all);
    expect(await sumFile(layerOf('s2'))).toBe(atS2);
    const live = await virsh(['dumpxml', 'app']);
    expect(live).toContain(`<source file='${image()}' index=`);
    expect(live).toContain(`<source file='${layerOf('s2')}'/>`);
    expect(live).not.toContain('s1.qcow2');
    expect(live).not.toContain('/scratch/');
    expect(await virsh(['dumpxml', '--inactive', 'app'])).toContain(`<source file='${image()}'/>`);
    const scratchDir = join(pool(), '.nssv', 'scratch');
    expect(existsSync(scratchDir) ? readdirSync(scratchDir) : []).toEqual([]);
    await noChanges();

    await writeLive(0x34, 600);
    const last = await sumLive();
    const r2 = await apply('running', snapshot(1));
    expect(r2.code).toBe(0);
    expect(r2.stdout).toContain('Apply complete! Resources: 0 added, 0 changed, 1 destroyed.');
    expect(await virsh(['domid', 'app'])).toBe(pid);
    expect(await chain()).toEqual([image(), layer()]);
    expect(existsSync(layerOf('s2'))).toBe(false);
    expect(await sumLive()).toBe(last);
    expect(await virsh(['dumpxml', 'app'])).not.toContain('s2.qcow2');
    expect(existsSync(scratchDir) ? readdirSync(scratchDir) : []).toEqual([]);
    await noChanges();
  });
});
