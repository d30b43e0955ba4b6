import type { DomainInfo, VolumeInfo } from '../../../../schemas/generated/agentApi.js';
import { planResource } from '../../../../provider/tfplugin/resources/plan.js';
import { fakeSession } from '../fakeSession.js';

const prior = (power: string) => ({
  name: 'mover',
  id: 'mover',
  cluster_id: 'c',
  host_id: 'h1',
  uuid: 'u',
  memory_mib: 64,
  vcpus: 1,
  power_state: power,
  disk: [{ volume_id: 'data', bus: 'virtio', boot_order: null }],
  nic: [],
  user_data: null,
  ssh_authorized_keys: [],
});
const config = (host: string, power: string, name = 'mover') => ({
  name,
  cluster_id: 'c',
  host_id: host,
  memory_mib: 64,
  power_state: power,
  disk: [{ volume_id: 'data' }],
});
const domain = { name: 'mover', disks: [{ pool: 'local', volume: 'data', bus: 'virtio', bootOrder: null }] };
const volume = (path: string): Partial<VolumeInfo> => ({
  pool: 'local',
  name: 'data',
  address: 'nssv_volume.data',
  sizeGiB: 1,
  format: 'qcow2',
  path,
});
const on = (path: string, snapshots = false) =>
  fakeSession({
    h1: {
      domains: [domain as unknown as DomainInfo],
      volumes: [volume(path) as VolumeInfo],
      snapshots: snapshots
        ? [{ pool: 'local', volume: 'data', name: 's1', address: 'nssv_volume_snapshot.s1' } as never]
        : [],
    },
    h2: {},
  });

describe('PlanResourceChange: a VM whose host_id changes', () => {
  it('GIVEN a running VM on a dir-pool disk THEN an in-place update that warns it migrates live, copying the disk', async () => {
    const p = await planResource(
      on('/srv/h1/local/data.qcow2'),
      'nssv_vm',
      prior('running'),
      config('h2', 'running'),
      false,
    );
    expect(p.requiresReplace).toEqual([]);
    expect(p.planned).toMatchObject({ host_id: 'h2', uuid: 'u' });
    expect(p.diagnostics.map((d) => [d.severity, d.code, d.summary])).toEqual([
      [
        'warning',
        'NSSV_VM_MIGRATES',
        'nssv_vm "mover" will be migrated from h1 to h2 (live, copy storage: 1073741824 bytes of nssv_volume "data")',
      ],
    ]);
  });

  it('GIVEN a shut-off VM on rbd THEN it migrates cold, nothing copied', async () => {
    const p = await planResource(
      on('rbd:nssv.ceph/data'),
      'nssv_vm',
      prior('shutoff'),
      config('h2', 'shutoff'),
      false,
    );
    expect(p.requiresReplace).toEqual([]);
    expect(p.diagnostics.map((d) => d.summary)).toEqual([
      'nssv_vm "mover" will be migrated from h1 to h2 (cold)',
    ]);
  });

  it('GIVEN a shut-off VM on a dir-pool disk THEN the plan error nssv plan gives', async () => {
    const p = await planResource(
      on('/srv/h1/local/data.qcow2'),
      'nssv_vm',
      prior('shutoff'),
      config('h2', 'shutoff'),
      false,
    );
    expect(p.diagnostics.map((d) => [d.severity, d.code, d.attribute, d.summary])).toEqual([
      [
        'error',
        'NSSV_LOCAL_DISK_COLD_MOVE',
        'host_id',
        'nssv_vm "mover" is shut off and would move from "h1" to "h2", but its disk nssv_volume "data" is in a dir pool on "h1"',
      ],
    ]);
  });

  it('GIVEN a dir-pool disk with a snapshot THEN the plan error nssv plan gives', async () => {
    const p = await planResource(
      on('/srv/h1/local/data.qcow2', true),
      'nssv_vm',
      prior('running'),
      config('h2', 'running'),
      false,
    );
    expect(p.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_LOCAL_DISK_SNAPSHOT_MOVE',
        'nssv_vm "mover" would move from "h1" to "h2", but its disk nssv_volume "data" (a dir pool on "h1") has snapshot nssv_volume_snapshot "s1"',
      ],
    ]);
  });

  it('GIVEN its volume pinned to the old host by the configuration THEN NSSV_VOLUME_HOST_CONFLICT', async () => {
    const s = on('/srv/h1/local/data.qcow2');
    await planResource(
      s,
      'nssv_volume',
      null,
      { name: 'data', pool_id: 'local', size_gib: 1, host_id: 'h1' },
      false,
    );
    const p = await planResource(s, 'nssv_vm', prior('running'), config('h2', 'running'), false);
    expect(p.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_VOLUME_HOST_CONFLICT',
        'nssv_volume "data" is on host "h1" but nssv_vm "mover", which attaches it, runs on "h2"',
      ],
    ]);
  });

  it('GIVEN host_id and name change THEN it is replaced (both force it), no migration', async () => {
    const p = await planResource(
      on('/srv/h1/local/data.qcow2'),
      'nssv_vm',
      prior('running'),
      config('h2', 'running', 'other'),
      false,
    );
    expect([...p.requiresReplace].sort()).toEqual(['host_id', 'name']);
    expect(p.diagnostics).toEqual([]);
  });
});
