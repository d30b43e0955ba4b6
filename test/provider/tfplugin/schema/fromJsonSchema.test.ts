import { resourceSchema } from '../../../../schemas/registry.js';
import { blockFromJsonSchema } from '../../../../provider/tfplugin/schema/fromJsonSchema.js';
import { resourceSchemas } from '../../../../provider/tfplugin/schema/resources.js';
import { schemaMessage } from '../../../../provider/tfplugin/schema/toProto.js';

const vm = blockFromJsonSchema(resourceSchema('nssv_vm'));
const attr = (name: string) => vm.attributes.find((a) => a.name === name)!;
const flags = (name: string) => {
  const a = attr(name);
  return {
    required: a.required,
    optional: a.optional,
    computed: a.computed,
    sensitive: a.sensitive,
    forceNew: a.forceNew,
  };
};

describe('provider schema generated from schemas/*.schema.json', () => {
  it('GIVEN nssv_vm THEN required, optional, computed, sensitive and force-new follow the annotations', () => {
    expect(flags('name')).toEqual({
      required: true,
      optional: false,
      computed: false,
      sensitive: false,
      forceNew: true,
    });
    expect(flags('host_id')).toEqual({
      required: false,
      optional: true,
      computed: true,
      sensitive: false,
      forceNew: true,
    });
    expect(flags('uuid')).toEqual({
      required: false,
      optional: false,
      computed: true,
      sensitive: false,
      forceNew: false,
    });
    expect(flags('memory_mib')).toEqual({
      required: false,
      optional: true,
      computed: true,
      sensitive: false,
      forceNew: false,
    });
    expect(flags('user_data')).toEqual({
      required: false,
      optional: true,
      computed: true,
      sensitive: true,
      forceNew: false,
    });
    expect(attr('memory_mib').default).toBe(512);
    expect(attr('memory_mib').type).toBe('number');
    expect(attr('tags').type).toEqual(['map', 'string']);
    expect(attr('ssh_authorized_keys').type).toEqual(['list', 'string']);
  });

  it('GIVEN nssv_vm THEN disk and nic are nested list blocks with their own schema', () => {
    expect(vm.blocks.map((b) => b.name)).toEqual(['disk', 'nic']);
    const nic = vm.blocks[1]!.block;
    expect(nic.attributes.find((a) => a.name === 'port_group_id')).toMatchObject({
      required: true,
      forceNew: true,
    });
    expect(nic.attributes.find((a) => a.name === 'mac')).toMatchObject({ optional: true, computed: true });
  });

  it("GIVEN an attribute THEN its description is the schema's, with force-new and default stated", () => {
    const msg = schemaMessage(vm, 1);
    const name = msg.block.attributes.find((a: { name: string }) => a.name === 'name');
    expect(name.description).toBe(
      'Unique name; also the libvirt domain name. Changing it replaces the resource.',
    );
    const mem = msg.block.attributes.find((a: { name: string }) => a.name === 'memory_mib');
    expect(mem.description).toBe(
      'Memory in MiB (64–1048576). Changed live (balloon) up to max_memory_mib; beyond it, with a reboot. Default: 512.',
    );
    expect(Buffer.from(mem.type).toString()).toBe('"number"');
    expect(msg.version).toBe(1);
  });

  it('GIVEN the host token THEN it is sensitive', () => {
    const host = resourceSchemas().get('nssv_host')!;
    expect(host.attributes.find((a) => a.name === 'token')).toMatchObject({
      required: true,
      sensitive: true,
    });
  });

  it('THEN every resource type of schemas/ has a provider schema', () => {
    expect([...resourceSchemas().keys()]).toContain('nssv_security_group');
    expect([...resourceSchemas().keys()]).toHaveLength(14);
  });
});
