import { recordedOn } from '../../provider/lostHosts.js';
import type { Attributes } from '../../core/values.js';
import type { State } from '../../planner/state/types.js';

const r = (address: string, attributes: Attributes) => ({
  address,
  type: address.split('.')[0]!,
  attributes,
  dependencies: [],
  sensitivePaths: [],
});

const state: State = {
  version: 1,
  serial: 1,
  lineage: 'L',
  resources: [
    r('nssv_host.h1', { name: 'h1' }),
    r('nssv_storage_pool.ceph', { name: 'ceph', kind: 'rbd', host_ids: ['h1', 'h2'] }),
    r('nssv_storage_pool.local', { name: 'local', kind: 'dir', host_ids: ['h1'] }),
    r('nssv_volume.data', { name: 'data', pool_id: 'ceph', host_id: 'h1' }),
    r('nssv_volume.other', { name: 'other', pool_id: 'ceph', host_id: 'h1' }),
    r('nssv_volume.scratch', { name: 'scratch', pool_id: 'local', host_id: 'h1' }),
    r('nssv_vm.ha', { name: 'ha', host_id: 'h1', ha_enabled: true, disk: [{ volume_id: 'data' }] }),
    r('nssv_vm.plain', { name: 'plain', host_id: 'h1', ha_enabled: false, disk: [{ volume_id: 'scratch' }] }),
  ],
};

describe('recordedOn', () => {
  test('GIVEN a lost host THEN its HA VMs are listed apart; their rbd volumes follow them and are not left; the rest is', () => {
    expect(recordedOn('h1', [], state)).toEqual({
      ha: ['nssv_vm.ha'],
      others: ['nssv_volume.other', 'nssv_volume.scratch', 'nssv_vm.plain'],
    });
  });
});
