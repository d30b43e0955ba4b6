import { isUnknown } from '../../../../core/values.js';
import { planResource } from '../../../../provider/tfplugin/resources/plan.js';
import { fakeSession } from '../fakeSession.js';

describe('PlanResourceChange', () => {
  it("GIVEN a new pool THEN defaults, id, and host_ids from the provider's hosts of its cluster", async () => {
    const s = fakeSession({ h1: {}, h2: {} });
    const p = await planResource(
      s,
      'nssv_storage_pool',
      null,
      { name: 'local', kind: 'dir', cluster_id: 'c' },
      false,
    );
    expect(p.diagnostics).toEqual([]);
    expect(p.planned).toMatchObject({ id: 'local', host_ids: ['h1', 'h2'], thin_provisioning: true });
  });

  it('GIVEN a new VM whose volume was planned on h2 THEN the VM goes to h2; its uuid is unknown', async () => {
    const s = fakeSession({ h1: {}, h2: {} });
    s.remember('nssv_volume', { name: 'root', host_id: 'h2' });
    const p = await planResource(
      s,
      'nssv_vm',
      null,
      { name: 'web1', cluster_id: 'c', disk: [{ volume_id: 'root' }], nic: [] },
      false,
    );
    expect(p.planned.host_id).toBe('h2');
    expect(isUnknown(p.planned.uuid)).toBe(true);
    expect(p.planned.memory_mib).toBe(512);
  });

  it("GIVEN a volume of a dir pool from an image of an rbd image storage THEN nssv plan's error, at plan", async () => {
    const s = fakeSession({ h1: {} });
    s.remember('nssv_storage_pool', { name: 'local', kind: 'dir' });
    s.remember('nssv_image_storage', { name: 'tmpl', kind: 'rbd' });
    s.remember('nssv_image', { name: 'debian', image_storage_id: 'tmpl' });
    const p = await planResource(
      s,
      'nssv_volume',
      null,
      { name: 'boot', pool_id: 'local', size_gib: 2, source_image_id: 'debian' },
      false,
    );
    expect(p.diagnostics.map((d) => [d.code, d.address, d.attribute, d.summary])).toEqual([
      [
        'NSSV_VOLUME_IMAGE_STORAGE_KIND',
        'nssv_volume "boot"',
        'source_image_id',
        'nssv_volume "boot": source_image_id = "debian" is in rbd image storage "tmpl", but pool "local" is a dir pool',
      ],
    ]);
  });

  it('GIVEN the same VM planned twice (new processes) THEN the same host', async () => {
    const a = await planResource(
      fakeSession({ h1: {}, h2: {}, h3: {} }),
      'nssv_vm',
      null,
      { name: 'db7', cluster_id: 'c' },
      false,
    );
    const b = await planResource(
      fakeSession({ h3: {}, h2: {}, h1: {} }),
      'nssv_vm',
      null,
      { name: 'db7', cluster_id: 'c' },
      false,
    );
    expect(typeof a.planned.host_id).toBe('string');
    expect(b.planned.host_id).toBe(a.planned.host_id);
  });

  it('GIVEN an existing VM THEN its host and uuid are kept, and memory changes in place', async () => {
    const s = fakeSession({ h1: {}, h2: {} });
    const prior = {
      name: 'web1',
      id: 'web1',
      cluster_id: 'c',
      host_id: 'h1',
      uuid: 'u',
      memory_mib: 128,
      vcpus: 1,
      power_state: 'running',
      disk: [],
      nic: [],
      user_data: null,
      ssh_authorized_keys: [],
    };
    const p = await planResource(
      s,
      'nssv_vm',
      prior,
      { name: 'web1', cluster_id: 'c', memory_mib: 256 },
      false,
    );
    expect(p.planned).toMatchObject({ host_id: 'h1', uuid: 'u', memory_mib: 256 });
    expect(p.requiresReplace).toEqual([]);
  });

  it('GIVEN a volume whose host_id changes THEN an rbd volume is updated in place (it lives in Ceph), a dir volume is replaced', async () => {
    const volume = (pool: string) => ({
      name: 'data',
      id: 'data',
      pool_id: pool,
      size_gib: 1,
      format: 'raw',
      host_id: 'h1',
      source_image_id: null,
      source_snapshot_id: null,
      clone_mode: 'linked',
      delete_policy: 'delayed',
      clone_state: null,
    });
    const s = fakeSession({ h1: {}, h2: {} });
    s.remember('nssv_storage_pool', { name: 'ceph', kind: 'rbd' });
    s.remember('nssv_storage_pool', { name: 'local', kind: 'dir' });
    const config = (pool: string) => ({
      name: 'data',
      pool_id: pool,
      size_gib: 1,
      format: 'raw',
      host_id: 'h2',
    });
    const rbd = await planResource(s, 'nssv_volume', volume('ceph'), config('ceph'), false);
    expect([rbd.planned.host_id, rbd.requiresReplace]).toEqual(['h2', []]);
    const dir = await planResource(s, 'nssv_volume', volume('local'), config('local'), false);
    expect([dir.planned.host_id, dir.requiresReplace]).toEqual(['h2', ['host_id']]);
  });

  it('GIVEN an nssv_host the provider does not list, or an unsupported attribute THEN the plan refuses with the code', async () => {
    const s = fakeSession({ h1: {} });
    const host = await planResource(
      s,
      'nssv_host',
      null,
      { name: 'h7', cluster_id: 'c', endpoint: 'http://h7:7400', token: 'x'.repeat(20) },
      false,
    );
    expect(host.diagnostics.map((d) => d.code)).toEqual(['NSSV_HOST_NOT_IN_PROVIDER']);
    expect(host.diagnostics[0]!.detail).toBe(
      'The provider reaches hosts through provider "nssv" { hosts = { … } }. Known: h1. Fix: add h7 = { cluster_id, endpoint, token } to the provider\'s hosts.',
    );
    const other = await planResource(
      s,
      'nssv_host',
      null,
      { name: 'h1', cluster_id: 'd', endpoint: 'http://elsewhere:1', token: 'x'.repeat(20) },
      false,
    );
    expect(other.diagnostics.map((d) => `${d.code} ${d.attribute}`)).toEqual([
      'NSSV_HOST_ENDPOINT_MISMATCH endpoint',
      'NSSV_HOST_CLUSTER_MISMATCH cluster_id',
    ]);
    const ha = await planResource(
      s,
      'nssv_vm',
      null,
      { name: 'w', cluster_id: 'c', ha_enabled: true, delete_policy: 'delayed' },
      false,
    );
    // ha_enabled is accepted (issue 11), and a VM's delete_policy "delayed" (issue 10).
    expect(ha.diagnostics.map((d) => `${d.code} ${d.attribute}`)).toEqual([]);
  });

  it('GIVEN a new VM in a scheduling group without host_id and no configuration to read THEN NSSV_TF_SCHEDULING_CONFIG; pinned, it is planned', async () => {
    const s = fakeSession({ h1: {}, h2: {} });
    s.configDir = '/nonexistent/nssv-config';
    const free = await planResource(
      s,
      'nssv_vm',
      null,
      { name: 'w', cluster_id: 'c', scheduling_group_id: 'spread' },
      false,
    );
    expect(free.diagnostics.map((d) => `${d.code} ${d.attribute}`)).toEqual([
      'NSSV_TF_SCHEDULING_CONFIG host_id',
    ]);
    const pinned = await planResource(
      s,
      'nssv_vm',
      null,
      { name: 'w', cluster_id: 'c', scheduling_group_id: 'spread', host_id: 'h2' },
      false,
    );
    expect(pinned.diagnostics).toEqual([]);
    expect(pinned.planned.host_id).toBe('h2');
  });
});
