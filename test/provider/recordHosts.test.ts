import type { Attributes } from '../../core/values.js';
import { recordHosts } from '../../provider/recordHosts.js';

describe('recordHosts', () => {
  it.each<[string, Attributes, string[]]>([
    ['nssv_vm', { name: 'web', host_id: 'h1' }, ['h1']],
    ['nssv_volume', { name: 'root', pool_id: 'local', host_id: 'h2' }, ['h2']],
    ['nssv_host', { name: 'h3', endpoint: 'http://h3' }, ['h3']],
    ['nssv_storage_pool', { name: 'p', kind: 'dir', host_ids: ['h2', 'h1'] }, ['h2', 'h1']],
    ['nssv_distributed_switch', { name: 'sw' }, []],
    ['nssv_datacenter', { name: 'dc' }, []],
  ])('GIVEN %s %j THEN the hosts its refresh reads it from: %j', (type, attributes, hosts) => {
    expect(recordHosts({ type, attributes })).toEqual(hosts);
  });
});
