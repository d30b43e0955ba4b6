import { parseAddress, toTerraformState } from '../../../../provider/tfplugin/migrate/terraformState.js';
import { SCHEMA_VERSION } from '../../../../provider/tfplugin/resources/upgrade.js';

describe('nssv state → Terraform state', () => {
  it('GIVEN addresses with count, for_each and modules THEN Terraform coordinates', () => {
    expect(parseAddress('nssv_vm.web[2]')).toEqual({
      module: undefined,
      type: 'nssv_vm',
      name: 'web',
      key: 2,
    });
    expect(parseAddress('nssv_host.h["h1"]')).toEqual({
      module: undefined,
      type: 'nssv_host',
      name: 'h',
      key: 'h1',
    });
    expect(parseAddress('module.a.nssv_volume.root')).toEqual({
      module: 'module.a',
      type: 'nssv_volume',
      name: 'root',
      key: undefined,
    });
  });

  it('GIVEN a state THEN one Terraform resource per block, instances at schema version 0, dependencies by resource', () => {
    const tf = toTerraformState(
      {
        version: 1,
        serial: 3,
        lineage: 'l',
        resources: [
          {
            address: 'nssv_vm.web[1]',
            type: 'nssv_vm',
            attributes: { name: 'web-1' },
            dependencies: ['nssv_volume.root[1]'],
            sensitivePaths: [],
          },
          {
            address: 'nssv_vm.web[0]',
            type: 'nssv_vm',
            attributes: { name: 'web-0' },
            dependencies: ['nssv_volume.root[0]'],
            sensitivePaths: [],
          },
        ],
      },
      '1.11.0',
    );
    expect(tf.version).toBe(4);
    expect(tf.resources).toEqual([
      {
        mode: 'managed',
        type: 'nssv_vm',
        name: 'web',
        each: 'list',
        provider: 'provider["registry.terraform.io/nssv/nssv"]',
        instances: [
          {
            index_key: 0,
            schema_version: 0,
            attributes: { name: 'web-0' },
            sensitive_attributes: [],
            dependencies: ['nssv_volume.root'],
          },
          {
            index_key: 1,
            schema_version: 0,
            attributes: { name: 'web-1' },
            sensitive_attributes: [],
            dependencies: ['nssv_volume.root'],
          },
        ],
      },
    ]);
  });

  it('GIVEN a format 2 state WHEN exported THEN instances are in the full shape at the current schema version, an explicit "immediate" kept', () => {
    const tf = toTerraformState(
      {
        version: 2,
        serial: 1,
        lineage: 'l',
        resources: [
          {
            address: 'nssv_image.i',
            type: 'nssv_image',
            attributes: { name: 'i', image_storage_id: 's', source: '/i.raw', delete_policy: 'immediate' },
            dependencies: [],
            sensitivePaths: [],
          },
        ],
      },
      '1.11.0',
    ) as { resources: { instances: { schema_version: number; attributes: Record<string, unknown> }[] }[] };
    const [i] = tf.resources[0]!.instances;
    expect(i!.schema_version).toBe(SCHEMA_VERSION);
    expect(i!.attributes).toEqual({
      id: 'i',
      name: 'i',
      image_storage_id: 's',
      source: '/i.raw',
      format: 'qcow2',
      sha256: null,
      os_type: 'linux',
      delete_policy: 'immediate',
      description: '',
    });
  });
});
