/**
 * Snapshots on both pool kinds and delete policies, end to end on a two-host sandbox with real
 * Ceph, libvirt and qemu-img: rbd snapshots (live), revert (checksums), volumes made from
 * snapshots (rbd clone, flatten; qcow2 overlay, qemu-img convert), a dir pool's external qcow2
 * chain (snapshot, revert, delete with the data pulled into the layers above), out-of-band
 * deletion seen as drift, the 32-snapshot rbd chain limit at plan; the trash (`delayed`), purge
 * after success (`immediate`), `never` refused at plan (volumes and VMs), and an apply that deletes a VM and its
 * volume and then fails rolling both back with the volume byte-identical.
 */
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { CEPH_TOOLS } from '../../sandbox/ceph/tools.js';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { contentSum } from '../helpers/contentSum.js';
import { run } from '../../sandbox/exec.js';
import { hostVirsh, type SandboxHostInfo } from '../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(900_000);

/** The plan `nssv plan -out` saves in the configuration directory for the apply that follows. */
const PLAN_FILE = 'next.plan';

const NEEDS = {
  ...SANDBOX_WITH_AGENTS,
  tools: [...(SANDBOX_WITH_AGENTS.tools ?? []), ...Object.keys(CEPH_TOOLS), 'qemu-io'],
};

describeE2e('volume snapshots and delete policies on a sandbox with Ceph', NEEDS, () => {
  let env: E2eSandbox;
  const scratch = mkdtempSync(join(tmpdir(), 'nssv-snap-sums-'));
  const host = (name: string): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === name)!;
  const virsh = async (h: string, args: string[]) => (await hostVirsh(host(h), args)).stdout.trim();
  const inCeph = async (tool: string, args: string[], reject = true) => {
    const c = env.sandbox.ceph!;
    const withConf = tool.startsWith('qemu-') ? args : ['-c', c.conf, ...args];
    return run('ip', ['netns', 'exec', c.netns, tool, ...withConf], { reject });
  };
  const rbd = async (args: string[]): Promise<string> => (await inCeph('rbd', args)).stdout;
  const rbdJson = async <T>(args: string[]): Promise<T> =>
    JSON.parse(await rbd([...args, '--format', 'json'])) as T;
  /** Writes 1 MiB of `pattern` at `offsetMiB` into an RBD image (qemu-io through librbd). */
  const writeRbd = async (image: string, pattern: number, offsetMiB: number) => {
    const c = env.sandbox.ceph!;
    await inCeph('qemu-io', [
      '-f',
      'raw',
      '-c',
      `write -P ${pattern} ${offsetMiB}M 1M`,
      `rbd:nssv.ceph/${image}:conf=${c.conf}`,
    ]);
  };
  /**
   * The contentSum of an image, converted by `convert` (given the output file) to a raw file in
   * the scratch directory; qemu-img reads only the image's allocated data and leaves the rest a hole.
   */
  const sumConverted = async (convert: (out: string) => Promise<unknown>): Promise<string> => {
    const out = join(scratch, 'image.raw');
    rmSync(out, { force: true });
    await convert(out);
    const sum = await contentSum(out);
    rmSync(out, { force: true });
    return sum;
  };
  /** The contentSum of an RBD image, read through librbd. */
  const sumRbd = async (image: string): Promise<string> =>
    sumConverted((out) =>
      inCeph('qemu-img', [
        'convert',
        '-f',
        'raw',
        '-O',
        'raw',
        `rbd:nssv.ceph/${image}:conf=${env.sandbox.ceph!.conf}`,
        out,
      ]),
    );
  const localImage = (volume: string, format = 'qcow2') =>
    join(host('h1').storageRoot, 'local', `${volume}.${format}`);
  const writeFile = async (volume: string, pattern: number, offsetMiB: number) => {
    await run('qemu-io', ['-f', 'qcow2', '-c', `write -P ${pattern} ${offsetMiB}M 1M`, localImage(volume)]);
  };
  /** The contentSum of a dir pool image (also while a VM uses it). */
  const sumFile = async (path: string): Promise<string> =>
    sumConverted((out) => run('qemu-img', ['convert', '-U', '-O', 'raw', path, out]));
  const backing = async (path: string): Promise<string | undefined> =>
    (
      JSON.parse((await run('qemu-img', ['info', '-U', '--output=json', path])).stdout) as {
        'backing-filename'?: string;
      }
    )['backing-filename'];
  const main = () => join(env.configDir, 'main.tf');
  const apply = (extra: string[] = []) => nssv(['apply', '-auto-approve', ...extra], env.configDir);
  /** `nssv plan` (ARGS first) saved to PLAN_FILE, for applySavedPlan. */
  const savedPlan = (args: string[] = []) => nssv(['plan', ...args, `-out=${PLAN_FILE}`], env.configDir);
  /** Applies exactly the plan savedPlan saved: no second refresh and plan, as a plain apply makes. */
  const applySavedPlan = () => nssv(['apply', PLAN_FILE], env.configDir);
  const noChanges = async () => {
    const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(plan.stdout).toContain('No changes. Your infrastructure matches the configuration.');
    expect(plan.code).toBe(0);
  };

  const pools = `
resource "nssv_storage_pool" "ceph" {
  name       = "ceph"
  kind       = "rbd"
  cluster_id = nssv_cluster.sandbox.id
  replicas   = 2
}

resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.sandbox.id
}
`;
  const volume = (name: string, pool: string, extra = '') => `
resource "nssv_volume" "${name}" {
  name     = "${name}"
  pool_id  = nssv_storage_pool.${pool}.id
  size_gib = 1
${extra}}
`;
  const vm = (name: string, hostId: string, disk: string, power = 'running') => `
resource "nssv_vm" "${name}" {
  name        = "${name}"
  cluster_id  = nssv_cluster.sandbox.id
  host_id     = "${hostId}"
  vcpus       = 1
  memory_mib  = 64
  power_state = "${power}"
  disk { volume_id = nssv_volume.${disk}.id }
}
`;
  const snapshot = (name: string, of: string, extra = '') => `
resource "nssv_volume_snapshot" "${name}" {
  name      = "${name}"
  volume_id = nssv_volume.${of}.id
${extra}}
`;
  const write = (...parts: string[]) => writeFileSync(main(), [pools, ...parts].join(''));

  beforeAll(async () => {
    env = await startSandbox('snap', [], { hosts: 2, ceph: true });
  });

  afterAll(async () => {
    await env?.down();
    rmSync(scratch, { recursive: true, force: true });
  });

  const sums: Record<string, string> = {};

  test('an rbd volume without format is raw; a VM runs with it; the next plan has no changes', async () => {
    write(volume('data', 'ceph'), vm('app', 'h1', 'data'), volume('files', 'local', '  host_id  = "h1"\n'));
    const r = await apply();
    expect(r.stderr).not.toContain('Error');
    expect(r.code).toBe(0);
    expect(await virsh('h1', ['domstate', 'app'])).toBe('running');
    expect(await rbdJson<string[]>(['ls', 'nssv.ceph'])).toEqual(['data']);
    expect(
      (
        JSON.parse((await run('qemu-img', ['info', '--output=json', localImage('files')])).stdout) as {
          format: string;
        }
      ).format,
    ).toBe('qcow2');
    await noChanges();
  });

  test('moving the VM to another host moves its rbd volume in place: the VM migrates live, nothing is replaced', async () => {
    write(volume('data', 'ceph'), vm('app', 'h2', 'data'), volume('files', 'local', '  host_id  = "h1"\n'));
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.stdout).toContain('# nssv_vm.app will be migrated from h1 to h2 (live)');
    expect(plan.stdout).toMatch(/~ resource "nssv_volume" "data"/);
    expect(plan.stdout).not.toMatch(/-\/\+ resource/);
    expect(plan.stdout).toContain('Plan: 0 to add, 2 to change, 0 to destroy.');
  });

  test('rbd: snapshot live, write more, revert with the VM stopped: the first data is back (checksum)', async () => {
    write(
      volume('data', 'ceph'),
      vm('app', 'h1', 'data', 'shutoff'),
      volume('files', 'local', '  host_id  = "h1"\n'),
    );
    expect((await apply()).code).toBe(0);
    await writeRbd('data', 0x11, 0);
    sums.a = await sumRbd('data');
    write(
      volume('data', 'ceph'),
      vm('app', 'h1', 'data'),
      volume('files', 'local', '  host_id  = "h1"\n'),
      snapshot('s1', 'data'),
    );
    const plan = await savedPlan();
    expect(plan.stdout).toMatch(/\+ resource "nssv_volume_snapshot" "s1"/);
    const r = await applySavedPlan();
    expect(r.code).toBe(0);
    expect(await virsh('h1', ['domstate', 'app'])).toBe('running');
    expect((await rbdJson<{ name: string }[]>(['snap', 'ls', 'nssv.ceph/data'])).map((s) => s.name)).toEqual([
      's1',
    ]);
    await noChanges();

    write(
      volume('data', 'ceph'),
      vm('app', 'h1', 'data', 'shutoff'),
      volume('files', 'local', '  host_id  = "h1"\n'),
      snapshot('s1', 'data'),
    );
    expect((await apply()).code).toBe(0);
    await writeRbd('data', 0x22, 0);
    await writeRbd('data', 0x33, 5);
    expect(await sumRbd('data')).not.toBe(sums.a);
    write(
      volume('data', 'ceph'),
      vm('app', 'h1', 'data', 'shutoff'),
      volume('files', 'local', '  host_id  = "h1"\n'),
      snapshot('s1', 'data', '  revert_serial = 1\n'),
    );
    const revert = await savedPlan();
    expect(revert.stdout).toMatch(/~ revert_serial += 0 -> 1/);
    expect((await applySavedPlan()).code).toBe(0);
    expect(await sumRbd('data')).toBe(sums.a);
    await noChanges();
  });

  test('rbd: reverting while a running VM uses the volume is refused and rolled back; the data is untouched', async () => {
    write(
      volume('data', 'ceph'),
      vm('app', 'h1', 'data'),
      volume('files', 'local', '  host_id  = "h1"\n'),
      snapshot('s1', 'data', '  revert_serial = 2\n'),
    );
    const r = await apply(['-parallelism=1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'cannot revert volume "data" while running domain(s) app use it: its guest would see its disk change under it; set power_state = "shutoff" on the VM first',
    );
    expect(await sumRbd('data')).toBe(sums.a);
  });

  test('rbd: volumes made from a snapshot: a linked clone (rbd clone of the protected snapshot) and a full copy (flattened)', async () => {
    write(
      volume('data', 'ceph'),
      vm('app', 'h1', 'data'),
      volume('files', 'local', '  host_id  = "h1"\n'),
      snapshot('s1', 'data', '  revert_serial = 1\n'),
      snapshot('s2', 'data'),
      volume('linked', 'ceph', '  host_id  = "h1"\n  source_snapshot_id = nssv_volume_snapshot.s1.id\n'),
      volume(
        'copy',
        'ceph',
        '  host_id  = "h1"\n  source_snapshot_id = nssv_volume_snapshot.s1.id\n  clone_mode = "full"\n',
      ),
    );
    const r = await apply();
    expect(r.stderr).not.toContain('Error');
    expect(r.code).toBe(0);
    expect(
      await rbdJson<{ parent?: { image: string; snapshot: string } }>(['info', 'nssv.ceph/linked']),
    ).toMatchObject({
      parent: { image: 'data', snapshot: 's1' },
    });
    expect((await rbdJson<{ parent?: unknown }>(['info', 'nssv.ceph/copy'])).parent).toBeUndefined();
    expect(await sumRbd('linked')).toBe(sums.a);
    expect(await sumRbd('copy')).toBe(sums.a);
    await noChanges();
  });

  test('rbd: a snapshot deleted with the rbd CLI shows as drift and the next apply takes it again', async () => {
    await rbd(['snap', 'rm', '--no-progress', 'nssv.ceph/data@s2']);
    const plan = await savedPlan(['-detailed-exitcode']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(
      '  # nssv_volume_snapshot.s2 will be created\n  # (it was deleted outside nssv)',
    );
    expect((await applySavedPlan()).code).toBe(0);
    expect((await rbdJson<{ name: string }[]>(['snap', 'ls', 'nssv.ceph/data'])).map((s) => s.name)).toEqual([
      's1',
      's2',
    ]);
    await noChanges();
  });

  test('the 33rd snapshot of an rbd volume is a plan error naming the limit', async () => {
    const extra = join(env.configDir, 'many.tf');
    writeFileSync(
      extra,
      `resource "nssv_volume_snapshot" "many" {
  count     = 31
  name      = "many-\${count.index}"
  volume_id = nssv_volume.data.id
}
`,
    );
    const plan = await nssv(['plan'], env.configDir);
    rmSync(extra);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain(
      'nssv_volume.data has 33 snapshots in this configuration, but at most 32 are allowed (nssv_storage_pool.ceph has kind = "rbd").',
    );
  });

  test('dir pool: an external qcow2 chain: snapshot, write, snapshot, revert; linked and full volumes from a snapshot', async () => {
    const base = [
      volume('data', 'ceph'),
      vm('app', 'h1', 'data'),
      snapshot('s1', 'data', '  revert_serial = 1\n'),
      snapshot('s2', 'data'),
      volume('linked', 'ceph', '  host_id  = "h1"\n  source_snapshot_id = nssv_volume_snapshot.s1.id\n'),
      volume(
        'copy',
        'ceph',
        '  host_id  = "h1"\n  source_snapshot_id = nssv_volume_snapshot.s1.id\n  clone_mode = "full"\n',
      ),
      volume('files', 'local', '  host_id  = "h1"\n'),
    ];
    await writeFile('files', 0x41, 0);
    sums.fa = await sumFile(localImage('files'));
    write(...base, snapshot('f1', 'files'));
    expect((await apply()).code).toBe(0);
    const f1 = join(host('h1').storageRoot, 'local', '.nssv', 'snapshots', 'files', 'f1.qcow2');
    expect(await backing(localImage('files'))).toBe(f1);
    await writeFile('files', 0x42, 2);
    sums.fb = await sumFile(localImage('files'));
    write(...base, snapshot('f1', 'files'), snapshot('f2', 'files'));
    expect((await apply()).code).toBe(0);
    const f2 = join(host('h1').storageRoot, 'local', '.nssv', 'snapshots', 'files', 'f2.qcow2');
    expect(await backing(f2)).toBe(f1);
    await writeFile('files', 0x43, 4);
    expect(await sumFile(localImage('files'))).not.toBe(sums.fb);

    write(
      ...base,
      snapshot('f1', 'files', '  revert_serial = 1\n'),
      snapshot('f2', 'files'),
      volume('flinked', 'local', '  source_snapshot_id = nssv_volume_snapshot.f2.id\n  host_id  = "h1"\n'),
      volume(
        'ffull',
        'local',
        '  source_snapshot_id = nssv_volume_snapshot.f2.id\n  host_id  = "h1"\n  clone_mode = "full"\n',
      ),
    );
    const r = await apply();
    expect(r.stderr).not.toContain('Error');
    expect(r.code).toBe(0);
    expect(await sumFile(localImage('files'))).toBe(sums.fa);
    expect(await backing(localImage('files'))).toBe(f1);
    expect(await backing(localImage('flinked'))).toBe(f2);
    expect(await backing(localImage('ffull'))).toBeUndefined();
    expect(await sumFile(localImage('flinked'))).toBe(sums.fb);
    expect(await sumFile(localImage('ffull'))).toBe(sums.fb);
    await noChanges();
  });

  test('dir pool: deleting a snapshot pulls its data into the layers above it; every volume reads the same', async () => {
    write(
      volume('data', 'ceph'),
      vm('app', 'h1', 'data'),
      snapshot('s1', 'data', '  revert_serial = 1\n'),
      snapshot('s2', 'data'),
      volume('linked', 'ceph', '  host_id  = "h1"\n  source_snapshot_id = nssv_volume_snapshot.s1.id\n'),
      volume(
        'copy',
        'ceph',
        '  host_id  = "h1"\n  source_snapshot_id = nssv_volume_snapshot.s1.id\n  clone_mode = "full"\n',
      ),
      volume('files', 'local', '  host_id  = "h1"\n'),
      snapshot('f2', 'files'),
      volume('flinked', 'local', '  source_snapshot_id = nssv_volume_snapshot.f2.id\n  host_id  = "h1"\n'),
      volume(
        'ffull',
        'local',
        '  source_snapshot_id = nssv_volume_snapshot.f2.id\n  host_id  = "h1"\n  clone_mode = "full"\n',
      ),
    );
    const r = await apply();
    expect(r.stdout).toContain('Apply complete! Resources: 0 added, 0 changed, 1 destroyed.');
    const f1 = join(host('h1').storageRoot, 'local', '.nssv', 'snapshots', 'files', 'f1.qcow2');
    const f2 = join(host('h1').storageRoot, 'local', '.nssv', 'snapshots', 'files', 'f2.qcow2');
    expect(existsSync(f1)).toBe(false);
    expect(await backing(localImage('files'))).toBeUndefined();
    expect(await backing(f2)).toBeUndefined();
    expect(await sumFile(localImage('files'))).toBe(sums.fa);
    expect(await sumFile(localImage('flinked'))).toBe(sums.fb);
    await noChanges();
  });
  /** What the configuration holds from here on, besides the volumes under test. */
  const kept = () => [
    volume('data', 'ceph'),
    vm('app', 'h1', 'data'),
    snapshot('s1', 'data', '  revert_serial = 1\n'),
    snapshot('s2', 'data'),
    volume('linked', 'ceph', '  host_id  = "h1"\n  source_snapshot_id = nssv_volume_snapshot.s1.id\n'),
    volume(
      'copy',
      'ceph',
      '  host_id  = "h1"\n  source_snapshot_id = nssv_volume_snapshot.s1.id\n  clone_mode = "full"\n',
    ),
    volume('busy', 'local', '  format   = "raw"\n'),
    vm('pinned', 'h1', 'busy'),
  ];
  const worker = (power = 'running') => [volume('scratch', 'ceph'), vm('worker', 'h2', 'scratch', power)];

  test('an apply that deletes a VM and its volume, then fails, ends with both back: the volume byte-identical', async () => {
    write(...kept(), ...worker('shutoff'));
    const first = await apply();
    expect(first.stderr).not.toContain('Error');
    expect(first.code).toBe(0);
    await writeRbd('scratch', 0x55, 0);
    await writeRbd('scratch', 0x66, 7);
    sums.s = await sumRbd('scratch');
    write(...kept(), ...worker());
    expect((await apply()).code).toBe(0);
    expect(await virsh('h2', ['domstate', 'worker'])).toBe('running');

    // A snapshot of a raw dir volume fails at apply time (qcow2 layers need a qcow2 image), after the deletes (-parallelism=1 runs the steps in order).
    write(...kept(), snapshot('zz', 'busy'));
    const r = await apply(['-parallelism=1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'volume "busy" in pool "local" is raw: snapshots in a dir pool are qcow2 layers; recreate the volume with format = "qcow2"',
    );
    expect(r.stderr).toMatch(
      /nssv_volume\.scratch: restored from the trash \(ceph\.[0-9a-f]+\) with its data/,
    );
    expect(await rbdJson<string[]>(['ls', 'nssv.ceph'])).toContain('scratch');
    expect(await rbdJson<unknown[]>(['trash', 'ls', 'nssv.ceph'])).toEqual([]);
    expect(await sumRbd('scratch')).toBe(sums.s);
    expect(await virsh('h2', ['domstate', 'worker'])).toBe('running');
    write(...kept(), ...worker());
    await noChanges();
  });

  test('delete_policy "delayed" (the default): a deleted volume waits in the rbd trash; nssv trash restore brings its data back', async () => {
    write(...kept());
    const r = await apply();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Apply complete! Resources: 0 added, 0 changed, 2 destroyed.');
    expect(await rbdJson<string[]>(['ls', 'nssv.ceph'])).not.toContain('scratch');
    const list = await nssv(['trash', 'list', '--json'], env.configDir);
    expect(list.code).toBe(0);
    // (files, flinked and ffull went to h1's trash when the previous test left them out)
    const entries = (JSON.parse(list.stdout) as { address: string }[]).filter(
      (e) => e.address === 'nssv_volume.scratch',
    ) as {
      id: string;
      address: string;
      store: string;
      hosts: string[];
      expiresAt: string;
    }[];
    expect(entries).toEqual([
      expect.objectContaining({
        address: 'nssv_volume.scratch',
        store: 'rbd',
        pool: 'ceph',
        volume: 'scratch',
        hosts: ['h1', 'h2'],
      }),
    ]);
    const days = (Date.parse(entries[0]!.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect((await rbdJson<{ name: string }[]>(['trash', 'ls', 'nssv.ceph'])).map((e) => e.name)).toEqual([
      'scratch',
    ]);

    const restored = await nssv(['trash', 'restore', entries[0]!.id], env.configDir);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain('Restored volume scratch into pool ceph (was nssv_volume.scratch).');
    expect(await rbdJson<string[]>(['ls', 'nssv.ceph'])).toContain('scratch');
    expect(await sumRbd('scratch')).toBe(sums.s);
    const again = await nssv(['trash', 'restore', entries[0]!.id], env.configDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`the trash holds no entry "${entries[0]!.id}"`);
    // Not managed any more: remove it by hand so the pool can go at the end.
    await rbd(['rm', '--no-progress', 'nssv.ceph/scratch']);
  });

  test('a dir pool volume goes to its host\'s trash and nssv trash purge deletes it; "immediate" leaves nothing behind', async () => {
    write(
      ...kept(),
      volume('keep', 'local', '  host_id  = "h2"\n'),
      volume('gone', 'local', '  host_id  = "h2"\n  delete_policy = "immediate"\n'),
    );
    expect((await apply()).code).toBe(0);
    write(...kept());
    const r = await apply();
    expect(r.code).toBe(0);
    const h2 = host('h2').storageRoot;
    expect(existsSync(join(h2, 'local', 'keep.qcow2'))).toBe(false);
    expect(existsSync(join(h2, 'local', 'gone.qcow2'))).toBe(false);
    const entries = (
      JSON.parse((await nssv(['trash', 'list', '--json'], env.configDir)).stdout) as { address: string }[]
    ).filter((e) => ['nssv_volume.keep', 'nssv_volume.gone'].includes(e.address)) as {
      id: string;
      address: string;
      hosts: string[];
    }[];
    expect(entries.map((e) => [e.address, e.hosts])).toEqual([['nssv_volume.keep', ['h2']]]);
    const purged = await nssv(['trash', 'purge', entries[0]!.id], env.configDir);
    expect(purged.stdout).toContain(
      `Purged ${entries[0]!.id} (volume keep of pool local, was nssv_volume.keep).`,
    );
    const left = JSON.parse((await nssv(['trash', 'list', '--json'], env.configDir)).stdout) as {
      id: string;
    }[];
    expect(left.map((e) => e.id)).not.toContain(entries[0]!.id);
    expect(left.length).toBeGreaterThan(0);
    await noChanges();
  });

  test('delete_policy "never": a plan that would delete the volume is refused, naming the fix', async () => {
    write(...kept(), volume('precious', 'local', '  host_id  = "h1"\n  delete_policy = "never"\n'));
    expect((await apply()).code).toBe(0);
    write(...kept());
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain(
      'nssv_volume.precious has delete_policy = "never", but this plan would delete it',
    );
    expect(plan.stderr).toContain(
      'Fix: set delete_policy = "delayed" (kept in the trash, restorable) or "immediate" on nssv_volume.precious and apply that first',
    );
    write(...kept(), volume('precious', 'local', '  host_id  = "h1"\n  delete_policy = "immediate"\n'));
    expect((await apply()).code).toBe(0);
  });

  test('delete_policy "never" on a VM: a plan that would delete it is refused naming "delayed" and "immediate"; "immediate" deletes it', async () => {
    // On h2: h1's two vCPUs are taken by app and pinned.
    const guard = (policy: string) => `
resource "nssv_vm" "guard" {
  name          = "guard"
  cluster_id    = nssv_cluster.sandbox.id
  host_id       = "h2"
  memory_mib    = 64
  power_state   = "shutoff"
  delete_policy = "${policy}"
  disk { volume_id = nssv_volume.guarded.id }
}
`;
    const disk = volume('guarded', 'local', '  host_id  = "h2"\n');
    write(...kept(), disk, guard('never'));
    const made = await apply();
    expect(made.stderr).not.toContain('Error');
    expect(made.code).toBe(0);
    await noChanges();
    write(...kept());
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('nssv_vm.guard has delete_policy = "never", but this plan would delete it');
    expect(plan.stderr).toContain(
      'Fix: set delete_policy = "delayed" (kept in the trash, restorable) or "immediate" on nssv_vm.guard and apply that first; or stop managing it, keeping its data, with `nssv state rm nssv_vm.guard`.',
    );
    expect(await virsh('h2', ['domstate', 'guard'])).toBe('shut off');
    write(...kept(), disk, guard('immediate'));
    expect((await apply()).code).toBe(0);
    write(...kept());
    expect((await apply()).code).toBe(0);
    expect(await virsh('h2', ['list', '--all', '--name'])).not.toContain('guard');
  });

  test('destroy removes every domain, volume, snapshot and pool', async () => {
    const d = await nssv(['destroy', '-auto-approve'], env.configDir);
    expect(d.stderr).not.toContain('Error');
    expect(d.code).toBe(0);
    expect(await virsh('h1', ['list', '--all', '--name'])).toBe('');
    expect(existsSync(join(host('h1').storageRoot, 'local'))).toBe(false);
  });
});
