import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../engine/files/loadConfig.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/config');
const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '../../../schemas');
const load = (name: string, opts: Parameters<typeof loadConfig>[1] = {}) =>
  loadConfig(join(fixtures, name), { schemaDir, env: {}, ...opts });

describe('loadConfig', () => {
  it('GIVEN an HCL config with count, references and a sensitive variable WHEN loaded THEN instances are evaluated', async () => {
    const c = await load('basic');
    expect(c.diagnostics).toEqual([]);
    expect(c.instances.map((i) => i.address)).toEqual([
      'nssv_datacenter.dc',
      'nssv_cluster.c1',
      'nssv_host.h1',
      'nssv_volume.disk[0]',
      'nssv_volume.disk[1]',
      'nssv_vm.web[0]',
      'nssv_vm.web[1]',
    ]);
    const vm = c.instances.find((i) => i.address === 'nssv_vm.web[1]')!;
    expect(vm.attributes).toEqual({
      name: 'web-1',
      cluster_id: 'c1',
      memory_mib: 1024,
      disk: [{ volume_id: 'web-disk-1' }],
    });
    expect(vm.dependsOn).toEqual(['nssv_cluster.c1', 'nssv_host.h1', 'nssv_volume.disk']);
    expect(vm.resourceAddress).toBe('nssv_vm.web');
    expect(vm.attributeRanges['disk[0].volume_id']).toMatchObject({ file: 'main.tf', line: 43, column: 17 });
    const host = c.instances.find((i) => i.address === 'nssv_host.h1')!;
    expect(host.sensitivePaths).toEqual(['token']);
    expect(c.outputs).toEqual([{ name: 'vm_names', value: ['web-0', 'web-1'], sensitive: false }]);
  });

  it('GIVEN the JSON twin of a config WHEN loaded THEN it evaluates to the same instances', async () => {
    const hcl = await load('basic');
    const json = await load('json-equivalent');
    expect(json.diagnostics).toEqual([]);
    const strip = (c: typeof hcl) =>
      c.instances.map((i) => ({
        address: i.address,
        attributes: i.attributes,
        dependsOn: i.dependsOn,
        sensitivePaths: i.sensitivePaths,
      }));
    expect(strip(json)).toEqual(strip(hcl));
  });

  it('GIVEN misspelled references and types WHEN loaded THEN diagnostics name file:line:col and suggest the fix', async () => {
    const c = await load('errors-unknown-ref');
    const byCode = (code: string) => c.diagnostics.filter((d) => d.code === code);
    expect(
      byCode('NSSV_CONFIG_UNKNOWN_REFERENCE').map((d) => [
        d.summary,
        d.range?.line,
        d.range?.column,
        d.address,
        d.attribute,
      ]),
    ).toEqual([
      ['Reference to undeclared resource "nssv_cluster.c2"', 11, 16, 'nssv_vm.web', 'cluster_id'],
      ['Reference to undeclared input variable "memroy"', 12, 20, 'nssv_vm.web', 'memory_mib'],
    ]);
    expect(byCode('NSSV_CONFIG_UNKNOWN_REFERENCE')[1]!.detail).toContain('Did you mean "var.memory"?');
    expect(byCode('NSSV_CONFIG_UNKNOWN_RESOURCE_TYPE')[0]).toMatchObject({
      summary: 'Unknown resource type "nssv_vmm"',
      range: { line: 15, column: 10 },
    });
    expect(byCode('NSSV_CONFIG_UNKNOWN_RESOURCE_TYPE')[0]!.detail).toContain('Did you mean "nssv_vm"?');
    expect(byCode('NSSV_CONFIG_DUPLICATE_RESOURCE')[0]).toMatchObject({
      summary: 'Duplicate resource "nssv_cluster.c1"',
      range: { line: 19, column: 25 },
    });
  });

  it('GIVEN a variable value of the wrong type and a bad operand WHEN loaded THEN both are reported', async () => {
    const c = await load('errors-types');
    expect(c.diagnostics.map((d) => [d.code, d.range?.line, d.range?.column])).toEqual([
      ['NSSV_CONFIG_INVALID_VARIABLE_VALUE', 3, 13],
      ['NSSV_CONFIG_INVALID_OPERAND', 7, 13],
    ]);
  });

  it('GIVEN -var and TF_VAR_ values WHEN loaded THEN -var wins over the environment', async () => {
    const c = await load('basic', {
      vars: [{ name: 'memory', value: '2048' }],
      env: { TF_VAR_memory: '4096' },
    });
    expect(c.instances.find((i) => i.address === 'nssv_vm.web[0]')!.attributes['memory_mib']).toBe(2048);
    const e = await load('basic', { env: { TF_VAR_memory: '4096' } });
    expect(e.instances.find((i) => i.address === 'nssv_vm.web[0]')!.attributes['memory_mib']).toBe(4096);
  });

  it('GIVEN a local module with for_each WHEN loaded THEN instances get module addresses and outputs flow back', async () => {
    const c = await load('module-local');
    expect(c.diagnostics).toEqual([]);
    expect(c.instances.map((i) => [i.address, i.dependsOn])).toEqual([
      ['nssv_cluster.c1', []],
      ['module.vms["a"].nssv_vm.this', ['nssv_cluster.c1']],
      ['module.vms["b"].nssv_vm.this', ['nssv_cluster.c1']],
    ]);
    expect(c.outputs).toEqual([{ name: 'ids', value: { a: 'vm-a', b: 'vm-b' }, sensitive: false }]);
  });

  it('GIVEN locals that refer to each other WHEN loaded THEN the cycle is named', async () => {
    const c = await load('cycle');
    expect(c.diagnostics.map((d) => d.summary)).toEqual(['Cycle: local.a → local.b → local.a']);
  });

  it('GIVEN a failing validation block WHEN loaded THEN its error_message is reported at the condition', async () => {
    const c = await load('validation');
    expect(c.diagnostics[0]).toMatchObject({
      code: 'NSSV_CONFIG_VARIABLE_VALIDATION',
      summary: 'Invalid value for variable "vcpus"',
      range: { line: 6, column: 5 },
    });
    expect(c.diagnostics[0]!.detail).toMatch(/^var\.vcpus is \d+\n\nvcpus must be at most 64\./);
  });

  it('GIVEN a directory without configuration WHEN loaded THEN it says so instead of throwing', async () => {
    const c = await loadConfig(join(fixtures, 'module-local/modules'), { schemaDir, env: {} });
    expect(c.diagnostics.map((d) => d.code)).toEqual(['NSSV_CONFIG_EMPTY']);
  });
});
