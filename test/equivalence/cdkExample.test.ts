/**
 * examples/cdk-datacenter and examples/hcl-datacenter describe the same data center: synthesized
 * with plain node (no CDK CLI), the CDK stack loads to the same desired graph as the HCL and
 * validates. The example's app is a cdktn app; forcing the constructs onto cdktf fails at once.
 */
import { jest } from '@jest/globals';
import { loadConfig } from '../../engine/files/loadConfig.js';
import { hasErrors } from '../../core/diagnostic.js';
import { loadAndValidate } from '../../engine/plan/loadAndValidate.js';
import { describeDiagnostics, desiredGraph } from '../helpers/desiredGraph.js';
import { hclExample, synthCdkExample } from '../helpers/cdkExample.js';

jest.setTimeout(120_000);

const hosts = [
  { name: 'h1', endpoint: 'http://127.0.0.1:7401', token: 'f'.repeat(64) },
  { name: 'h2', endpoint: 'http://127.0.0.1:7402', token: 'e'.repeat(64) },
];

describe('examples/cdk-datacenter', () => {
  let stackDir: string;
  beforeAll(async () => {
    stackDir = await synthCdkExample(hosts);
  });

  it('GIVEN the synthesized stack WHEN validated like `nssv validate` THEN there are no errors', async () => {
    const { diagnostics } = await loadAndValidate(stackDir, { env: {} });
    expect(hasErrors(diagnostics) ? describeDiagnostics(diagnostics) : []).toEqual([]);
  });

  it('GIVEN the HCL example WHEN both are loaded THEN the desired graphs are equal', async () => {
    const cdk = await loadConfig(stackDir, { env: {} });
    const hcl = await loadConfig(hclExample(hosts), { env: {} });
    expect(cdk.instances.map((i) => i.address).sort()).toEqual([
      'nssv_cluster.sandbox',
      'nssv_datacenter.sandbox',
      'nssv_distributed_switch.lan',
      'nssv_host.h1',
      'nssv_host.h2',
      'nssv_port_group.db',
      'nssv_port_group.web',
      'nssv_storage_pool.local',
      'nssv_vm.db1',
      'nssv_vm.web1',
      'nssv_vm.web2',
      'nssv_volume.db1_root',
      'nssv_volume.web1_root',
      'nssv_volume.web2_root',
    ]);
    expect(desiredGraph(cdk).instances).toEqual(desiredGraph(hcl).instances);
  });
});

it('GIVEN the cdktn example WHEN the constructs are forced onto cdktf THEN synth fails naming the construct and the fix', async () => {
  await expect(synthCdkExample(hosts, { NSSV_CDK_LIBRARY: 'cdktf' })).rejects.toThrow(
    'Error: datacenter/nssv: the stack is a cdktn TerraformStack, but nssv/constructs is built on cdktf. Fix: set NSSV_CDK_LIBRARY=cdktn, or import "cdktn" before "nssv/constructs".',
  );
});
