import { fromTerraformState } from '../../../../provider/tfplugin/migrate/fromTerraformState.js';
import { toTerraformState } from '../../../../provider/tfplugin/migrate/terraformState.js';

const PROVIDER = 'provider["registry.terraform.io/nssv/nssv"]';

function tfState(resources: unknown[]): Record<string, unknown> {
  return {
    version: 4,
    terraform_version: '1.11.4',
    serial: 7,
    lineage: '0b7c3e1a-7d7e-4c1f-9a4e-6f1d1f0e2c11',
    outputs: {
      ip: { value: '10.0.0.5', type: 'string' },
      token: { value: 'x', type: 'string', sensitive: true },
    },
    resources,
    check_results: null,
  };
}

describe('Terraform state → nssv state', () => {
  it('GIVEN count, for_each, a module and a data source THEN nssv instance addresses, data skipped', () => {
    const { state, diagnostics } = fromTerraformState(
      tfState([
        {
          mode: 'managed',
          type: 'nssv_datacenter',
          name: 'dc',
          provider: PROVIDER,
          instances: [
            { schema_version: 1, attributes: { id: 'dc', name: 'dc', description: '' }, dependencies: [] },
          ],
        },
        {
          mode: 'data',
          type: 'nssv_host',
          name: 'h1',
          provider: PROVIDER,
          instances: [{ schema_version: 0, attributes: { name: 'h1' } }],
        },
        {
          module: 'module.net["a"]',
          mode: 'managed',
          type: 'nssv_host',
          name: 'h',
          each: 'map',
          provider: PROVIDER,
          instances: [
            {
              index_key: 'h1',
              schema_version: 1,
              attributes: { id: 'h1', name: 'h1', token: 't' },
              sensitive_attributes: [[{ type: 'get_attr', value: 'token' }]],
              dependencies: ['nssv_datacenter.dc', 'module.net["a"].nssv_cluster.c'],
            },
          ],
        },
        {
          mode: 'managed',
          type: 'nssv_volume',
          name: 'root',
          each: 'list',
          provider: PROVIDER,
          instances: [
            {
              index_key: 0,
              schema_version: 1,
              attributes: { id: 'root-0', name: 'root-0', tags: { a: 'b' } },
              sensitive_attributes: [
                [
                  { type: 'get_attr', value: 'tags' },
                  { type: 'index', value: { value: 'a', type: 'string' } },
                ],
              ],
            },
          ],
        },
      ]),
      'tf.tfstate',
    );
    expect(diagnostics).toEqual([]);
    expect(state).toEqual({
      version: 2,
      serial: 7,
      lineage: '0b7c3e1a-7d7e-4c1f-9a4e-6f1d1f0e2c11',
      outputs: { ip: { value: '10.0.0.5', sensitive: false }, token: { value: 'x', sensitive: true } },
      resources: [
        {
          address: 'module.net["a"].nssv_host.h["h1"]',
          type: 'nssv_host',
          attributes: { id: 'h1', name: 'h1', token: 't' },
          dependencies: ['module.net["a"].nssv_cluster.c', 'nssv_datacenter.dc'],
          sensitivePaths: ['token'],
        },
        {
          address: 'nssv_datacenter.dc',
          type: 'nssv_datacenter',
          attributes: { id: 'dc', name: 'dc', description: '' },
          dependencies: [],
          sensitivePaths: [],
        },
        {
          address: 'nssv_volume.root[0]',
          type: 'nssv_volume',
          attributes: { id: 'root-0', name: 'root-0', tags: { a: 'b' } },
          dependencies: [],
          sensitivePaths: ['tags.a'],
        },
      ],
    });
  });

  it('GIVEN an instance at schema version 0 THEN it is upgraded as the provider does (defaults, id)', () => {
    const { state } = fromTerraformState(
      tfState([
        {
          mode: 'managed',
          type: 'nssv_datacenter',
          name: 'dc',
          provider: PROVIDER,
          instances: [{ schema_version: 0, attributes: { name: 'dc', gone: 1 } }],
        },
      ]),
      'tf.tfstate',
    );
    expect(state!.resources[0]!.attributes).toEqual({ name: 'dc', description: '', id: 'dc' });
  });

  it('GIVEN the state export-terraform writes THEN importing it gives the same instances back', () => {
    const nssv = {
      version: 2 as const,
      serial: 3,
      lineage: 'l',
      resources: [
        {
          address: 'nssv_datacenter.dc',
          type: 'nssv_datacenter',
          attributes: { id: 'dc', name: 'dc', description: '' },
          dependencies: [],
          sensitivePaths: [],
        },
      ],
    };
    const back = fromTerraformState(JSON.parse(JSON.stringify(toTerraformState(nssv, '1.11.0'))), 'x');
    expect(back.state!.resources).toEqual(nssv.resources);
  });

  it('GIVEN foreign, tainted, deposed and newer instances THEN every one is reported and nothing converted', () => {
    const { state, diagnostics } = fromTerraformState(
      tfState([
        {
          mode: 'managed',
          type: 'terraform_data',
          name: 't',
          provider: 'provider["terraform.io/builtin/terraform"]',
          instances: [{ schema_version: 0, attributes: { id: 'x' } }],
        },
        {
          mode: 'managed',
          type: 'nssv_vm',
          name: 'web',
          each: 'list',
          provider: PROVIDER,
          instances: [
            { index_key: 0, status: 'tainted', schema_version: 1, attributes: { name: 'web-0' } },
            { index_key: 1, deposed: 'abcd1234', schema_version: 1, attributes: { name: 'web-1' } },
            { index_key: 2, schema_version: 9, attributes: { name: 'web-2' } },
          ],
        },
      ]),
      'tf.tfstate',
    );
    expect(state).toBeUndefined();
    expect(diagnostics.map((d) => `${d.code}: ${d.summary}`)).toEqual([
      'NSSV_TFSTATE_FOREIGN: tf.tfstate: terraform_data.t belongs to provider["terraform.io/builtin/terraform"], not to the nssv provider',
      'NSSV_TFSTATE_TAINTED: tf.tfstate: nssv_vm.web[0] is tainted (Terraform will replace it on its next apply)',
      'NSSV_TFSTATE_DEPOSED: tf.tfstate: nssv_vm.web[1] has a deposed object left by an interrupted create-before-destroy',
      'NSSV_TFSTATE_NEWER: tf.tfstate: nssv_vm.web[2] is at schema version 9, written by a newer nssv provider (this nssv knows up to 2)',
    ]);
  });

  it('GIVEN something that is not a format-4 state THEN it says why', () => {
    expect(fromTerraformState([], 'a').diagnostics[0]!.summary).toBe(
      'a is not a Terraform state: it is not a JSON object',
    );
    expect(fromTerraformState({ version: 3 }, 'a').diagnostics[0]!.summary).toBe(
      'a is not a Terraform state: "version" is 3, expected 4 (Terraform ≥ 0.12)',
    );
    expect(fromTerraformState({ version: 4 }, 'a').diagnostics[0]!.summary).toBe(
      'a is not a Terraform state: "lineage", "serial" or "resources" is missing',
    );
  });
});
