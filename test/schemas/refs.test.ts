import { deref, resolveRef, schemaAt } from '../../schemas/refs.js';
import { agentApiSchemas } from '../../schemas/registry.js';

describe('schema references', () => {
  it('GIVEN a $ref into a resource schema WHEN resolved THEN it is that attribute (the planner’s own limits)', () => {
    expect(resolveRef('nssv_vm#/properties/memory_mib')).toMatchObject({ minimum: 64, maximum: 1048576 });
  });

  it('GIVEN a $ref that names nothing WHEN resolved THEN it throws naming the ref', () => {
    expect(() => resolveRef('nssv_vm#/properties/nope')).toThrow(
      'bug: schema $ref "nssv_vm#/properties/nope" resolves to nothing',
    );
  });

  it('GIVEN keywords next to a $ref WHEN dereferenced THEN they win over the target’s', () => {
    expect(
      deref({ $ref: 'nssv_port_group#/properties/vlan_id', 'x-nssv-null-means': 'untagged' }),
    ).toMatchObject({
      type: ['integer', 'null'],
      minimum: 1,
      maximum: 4094,
      'x-nssv-null-means': 'untagged',
    });
  });

  it('GIVEN an instance path through arrays and $refs WHEN looked up THEN the leaf schema comes back', () => {
    const spec = agentApiSchemas().get('DomainSpec')!;
    expect(schemaAt(spec, '/disks/3/volume')).toMatchObject({
      'x-nssv-agent-name': 'volume',
      pattern: '^[a-z][a-z0-9-]{0,62}$',
    });
    expect(schemaAt(spec, '/tags/team')).toEqual({ type: 'string', maxLength: 255 });
    expect(schemaAt(spec, '/nope')).toBeUndefined();
  });

  it('GIVEN the agent API request schemas THEN every size and limit is a $ref to a resource attribute', () => {
    const props = (title: string) => agentApiSchemas().get(title)!.properties!;
    expect(
      Object.fromEntries(
        [
          ['DomainSpec', 'vcpus'],
          ['DomainSpec', 'memoryMiB'],
          ['DomainSpec', 'tags'],
          ['VolumeSpec', 'sizeGiB'],
          ['SwitchSpec', 'mtu'],
          ['PortGroupSpec', 'vlanId'],
        ].map(([t, p]) => [`${t}.${p}`, props(t!)[p!]!.$ref]),
      ),
    ).toEqual({
      'DomainSpec.vcpus': 'nssv_vm#/properties/vcpus',
      'DomainSpec.memoryMiB': 'nssv_vm#/properties/memory_mib',
      'DomainSpec.tags': 'nssv_vm#/properties/tags',
      'VolumeSpec.sizeGiB': 'nssv_volume#/properties/size_gib',
      'SwitchSpec.mtu': 'nssv_distributed_switch#/properties/mtu',
      'PortGroupSpec.vlanId': 'nssv_port_group#/properties/vlan_id',
    });
  });
});

describe('limits an array $ref cannot carry', () => {
  it('GIVEN DomainSpec disks and nics THEN their maxItems are those of nssv_vm disk and nic blocks', () => {
    const spec = agentApiSchemas().get('DomainSpec')!.properties!;
    const vm = resolveRef('nssv_vm#/properties');
    expect([spec.disks!.maxItems, spec.nics!.maxItems]).toEqual([
      (vm.disk as { maxItems: number }).maxItems,
      (vm.nic as { maxItems: number }).maxItems,
    ]);
    expect([spec.disks!.maxItems, spec.nics!.maxItems]).toEqual([26, 16]);
  });
});
