import type { DesiredInstance } from '../../planner/config/types.js';
import type { Attributes } from '../../core/values.js';

/** A desired instance as the loader would produce it, for planner tests. */
export function desired(address: string, attributes: Attributes, dependsOn: string[] = []): DesiredInstance {
  const [type] = address.split('.');
  return {
    address,
    resourceAddress: address.replace(/\[[^\]]*\]$/, ''),
    type: type!,
    attributes,
    dependsOn,
    lifecycle: {
      createBeforeDestroy: false,
      preventDestroy: false,
      ignoreChanges: [],
      replaceTriggeredBy: [],
    },
    range: { file: 'main.tf', line: 1, column: 1 },
    attributeRanges: {},
    sensitivePaths: [],
  };
}

/** A small sandbox-like world: one data center, one cluster, two hosts, a switch, a pool. */
export function world(): DesiredInstance[] {
  return [
    desired('nssv_datacenter.dc', { name: 'dc' }),
    desired('nssv_cluster.c', { name: 'c', datacenter_id: 'dc' }, ['nssv_datacenter.dc']),
    desired(
      'nssv_host.h1',
      { name: 'h1', cluster_id: 'c', endpoint: 'http://127.0.0.1:1', token: 'x'.repeat(32) },
      ['nssv_cluster.c'],
    ),
    desired(
      'nssv_host.h2',
      { name: 'h2', cluster_id: 'c', endpoint: 'http://127.0.0.1:2', token: 'y'.repeat(32) },
      ['nssv_cluster.c'],
    ),
    desired('nssv_distributed_switch.sw', { name: 'sw', datacenter_id: 'dc', cluster_ids: ['c'] }, [
      'nssv_datacenter.dc',
      'nssv_cluster.c',
    ]),
    desired('nssv_port_group.web', { name: 'web', switch_id: 'sw', vlan_id: 10 }, [
      'nssv_distributed_switch.sw',
    ]),
    desired('nssv_storage_pool.p', { name: 'p', kind: 'dir', cluster_id: 'c' }, ['nssv_cluster.c']),
  ];
}

export function vm(name: string, memoryMiB = 512, extra: Attributes = {}): DesiredInstance[] {
  return [
    desired(`nssv_volume.${name}-disk`, { name: `${name}-disk`, pool_id: 'p', size_gib: 1 }, [
      'nssv_storage_pool.p',
    ]),
    desired(
      `nssv_vm.${name}`,
      {
        name,
        cluster_id: 'c',
        memory_mib: memoryMiB,
        disk: [{ volume_id: `${name}-disk` }],
        nic: [{ port_group_id: 'web' }],
        ...extra,
      },
      ['nssv_cluster.c', `nssv_volume.${name}-disk`, 'nssv_port_group.web'],
    ),
  ];
}

export const facts = new Map([
  ['h1', { name: 'h1', cluster: 'c', address: 'nssv_host.h1', cpus: 2, memoryMiB: 4096, maintenance: false }],
  ['h2', { name: 'h2', cluster: 'c', address: 'nssv_host.h2', cpus: 2, memoryMiB: 4096, maintenance: false }],
]);
