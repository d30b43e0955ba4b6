/**
 * Adopting objects made by hand on a two-host sandbox: VMs (one running, one shut off) defined with
 * virsh, their disks made with qemu-img in a dir pool, and a switch made with ovs-vsctl on both
 * hosts. `nssv discover` + `plan -generate-config-out` + apply take them over without changing
 * them (same domain UUIDs, same image bytes, same power states); the replan is empty. A domain
 * nssv cannot adopt (it has a NIC) is refused with the reason, and nothing is written onto it.
 */
import { jest } from '@jest/globals';
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostOvsVsctl, hostVirsh, type SandboxHostInfo } from '../../sandbox/index.js';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(600_000);

const POOL = `
resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.sandbox.id
}
`;

/** A small domain as a user writes it for virsh define: one qcow2 disk, optionally a NIC on a bridge. */
function domainXml(name: string, disk: string, bridge?: string): string {
  const nic = bridge
    ? `<interface type='bridge'><source bridge='${bridge}'/><virtualport type='openvswitch'/><model type='virtio'/></interface>`
    : '';
  return `<domain type='qemu'>
  <name>${name}</name>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64'>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='${disk}'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    ${nic}
  </devices>
</domain>
`;
}

describeE2e('adopting objects made by hand, on a two-host sandbox', SANDBOX_WITH_AGENTS, () => {
  let env: E2eSandbox;
  const host = (name: string): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === name)!;
  const image = (h: string, volume: string): string => join(host(h).storageRoot, 'local', `${volume}.qcow2`);
  const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
  const virsh = async (h: string, args: string[]): Promise<string> =>
    (await hostVirsh(host(h), args)).stdout.trim();
  /** What must not change: UUIDs, power states, image bytes, the bridge's ports. */
  const observed = async (): Promise<string[]> => [
    `hand1 ${await virsh('h1', ['domuuid', 'hand1'])} ${await virsh('h1', ['domstate', 'hand1'])}`,
    `hand2 ${await virsh('h2', ['domuuid', 'hand2'])} ${await virsh('h2', ['domstate', 'hand2'])}`,
    // a running guest may write to its image: compare only the one of the shut off domain
    `hand2-root ${sha(image('h2', 'hand2-root'))}`,
    `handsw@h1 ports: ${(await hostOvsVsctl(host('h1'), ['list-ports', 'handsw'])).stdout.trim()}`,
    `handsw@h2 ports: ${(await hostOvsVsctl(host('h2'), ['list-ports', 'handsw'])).stdout.trim()}`,
  ];
  const define = async (h: string, name: string, bridge?: string): Promise<void> => {
    const file = join(env.root, `${name}.xml`);
    writeFileSync(file, domainXml(name, image(h, `${name}-root`), bridge));
    await hostVirsh(host(h), ['define', file]);
  };
  let before: string[];

  beforeAll(async () => {
    env = await startSandbox('i13ad');
    writeFileSync(join(env.configDir, 'pool.tf'), POOL);
    const applied = await nssv(['apply', '-auto-approve'], env.configDir);
    if (applied.code !== 0) throw new Error(applied.stderr);
    // by hand, as an administrator before nssv: images, domains, a bridge on each host
    for (const [h, vm] of [
      ['h1', 'hand1'],
      ['h2', 'hand2'],
    ] as const) {
      await execa('qemu-img', ['create', '-q', '-f', 'qcow2', image(h, `${vm}-root`), '1G']);
      await define(h, vm);
      await hostOvsVsctl(host(h), [
        'add-br',
        'handsw',
        '--',
        'set',
        'Bridge',
        'handsw',
        'datapath_type=netdev',
      ]);
    }
    await hostVirsh(host('h1'), ['start', 'hand1']);
    before = await observed();
  });
  afterAll(async () => {
    await env?.down();
  });

  test('GIVEN domains, images and a bridge made by hand WHEN nssv discover -out, plan -generate-config-out and apply THEN they are adopted unchanged and the replan is empty', async () => {
    const dir = env.configDir;
    const listed = await nssv(['discover'], dir);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(
      '# domain "hand1" on h1 (made outside nssv: apply writes its nssv record, nothing else)\nimport {\n  to = nssv_vm.hand1\n  id = "h1/hand1"\n}\n',
    );
    expect(listed.stdout).toContain(
      '# OVS bridge "handsw" on h1, h2 (made outside nssv: apply writes its nssv record, nothing else)\nimport {\n  to = nssv_distributed_switch.handsw\n  id = "handsw"\n}\n',
    );
    expect(listed.stdout).toContain(
      '# nssv discover: 5 object(s) on the hosts that this state does not manage.',
    );
    expect((await nssv(['discover', '-out', 'imports.tf'], dir)).code).toBe(0);

    const plan = await nssv(['plan', '-generate-config-out=generated.tf'], dir);
    expect(plan.stderr).toBe(
      `Wrote the configuration of the imported objects to ${join(dir, 'generated.tf')}: review it.`,
    );
    expect(plan.stdout).toContain('Plan: 5 to import, 0 to add, 0 to change, 0 to destroy.');
    expect(plan.code).toBe(0);
    const generated = readFileSync(join(dir, 'generated.tf'), 'utf8');
    expect(generated).toContain(
      '# __generated__ by nssv from "h2/hand2"\nresource "nssv_vm" "hand2" {\n  name        = "hand2"\n  cluster_id  = "sandbox"\n  host_id     = "h2"\n  memory_mib  = 64\n  power_state = "shutoff"\n\n  disk {\n    volume_id = "hand2-root"\n  }\n}\n',
    );
    expect(generated).toContain(
      '# __generated__ by nssv from "h1/hand1-root"\nresource "nssv_volume" "hand1_root" {\n  name     = "hand1-root"\n  pool_id  = "local"\n  size_gib = 1\n  format   = "qcow2"\n  host_id  = "h1"\n}\n',
    );
    // nothing is written onto the objects by planning
    expect(await virsh('h1', ['dumpxml', '--inactive', 'hand1'])).not.toContain('nssv:resource');

    const applied = await nssv(['apply', '-auto-approve'], dir);
    expect(applied.stdout).toContain(
      'Apply complete! Resources: 5 imported, 0 added, 0 changed, 0 destroyed.',
    );
    expect(applied.code).toBe(0);
    const replan = await nssv(['plan', '-detailed-exitcode'], dir);
    expect(replan.stdout).toContain('No changes.');
    expect(replan.code).toBe(0);
    expect(await observed()).toEqual(before);
    // the records nssv wrote: metadata (persistent and live), volume record, bridge external_ids
    expect(await virsh('h1', ['dumpxml', '--inactive', 'hand1'])).toContain('address="nssv_vm.hand1"');
    expect(await virsh('h1', ['dumpxml', 'hand1'])).toContain('address="nssv_vm.hand1"');
    expect(
      JSON.parse(readFileSync(join(host('h2').storageRoot, 'local/.nssv/volumes/hand2-root.json'), 'utf8')),
    ).toEqual({ address: 'nssv_volume.hand2_root', format: 'qcow2' });
    for (const h of ['h1', 'h2'])
      expect(
        (await hostOvsVsctl(host(h), ['br-get-external-id', 'handsw', 'nssv-address'])).stdout.trim(),
      ).toBe('nssv_distributed_switch.handsw');
    expect((await nssv(['discover'], dir)).stdout).toContain(
      '# nssv discover: 0 object(s) on the hosts that this state does not manage.',
    );
  });

  test('GIVEN an adopted VM WHEN its memory changes in the configuration THEN it is updated in place with the same UUID', async () => {
    const dir = env.configDir;
    const file = join(dir, 'generated.tf');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'name        = "hand2"\n  cluster_id  = "sandbox"\n  host_id     = "h2"\n  memory_mib  = 64',
        'name        = "hand2"\n  cluster_id  = "sandbox"\n  host_id     = "h2"\n  memory_mib  = 96',
      ),
    );
    const applied = await nssv(['apply', '-auto-approve'], dir);
    expect(applied.stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    expect(await virsh('h2', ['domuuid', 'hand2'])).toBe(before[1]!.split(' ')[1]);
    expect(await virsh('h2', ['dominfo', 'hand2'])).toMatch(/Max memory:\s+98304 KiB/);
    expect((await nssv(['plan', '-detailed-exitcode'], dir)).code).toBe(0);
  });

  test('GIVEN a domain made by hand with a NIC WHEN it is imported THEN the import is refused with the reason and nothing is written onto it', async () => {
    await execa('qemu-img', ['create', '-q', '-f', 'qcow2', image('h1', 'hand3-root'), '1G']);
    await define('h1', 'hand3', 'handsw');
    const dir = env.configDir;
    const declared = join(dir, 'hand3.tf');
    writeFileSync(
      declared,
      'resource "nssv_vm" "hand3" {\n  name       = "hand3"\n  cluster_id = "sandbox"\n  host_id    = "h1"\n  memory_mib = 64\n}\n',
    );
    const imported = await nssv(['import', 'nssv_vm.hand3', 'h1/hand3'], dir);
    rmSync(declared);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain(
      'Error: cannot import nssv_vm.hand3 from "h1/hand3": the domain "hand3" was made outside nssv and has 1 NIC(s); adopting NICs (which need a port group) is not supported yet: detach them (virsh detach-interface --config), import, then add nic blocks',
    );
    expect(await virsh('h1', ['dumpxml', '--inactive', 'hand3'])).not.toContain('nssv:resource');
    await hostVirsh(host('h1'), ['undefine', 'hand3']);
  });
});
