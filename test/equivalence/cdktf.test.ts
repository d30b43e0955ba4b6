/**
 * cdktf output as input: a directory holding the cdk.tf.json that `cdktf synth` writes (with its
 * "//" metadata keys, terraform.required_providers, provider block and ${...} references) must
 * load to the same desired graph as the equivalent HCL, and validate without errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../engine/files/loadConfig.js';
import type { LoadedConfig } from '../../planner/config/types.js';
import { hasErrors } from '../../core/diagnostic.js';
import { loadAndValidate } from '../../engine/plan/loadAndValidate.js';
import { describeDiagnostics, desiredGraph } from '../helpers/desiredGraph.js';

const base = fileURLToPath(new URL('../fixtures/equivalence/cdktf/', import.meta.url));
const hclDir = join(base, 'hcl');
const stackDir = join(base, 'cdktf.out', 'stacks', 'quickstart');

describe('cdktf synth output as input', () => {
  let hcl: LoadedConfig;
  let cdk: LoadedConfig;

  beforeAll(async () => {
    hcl = await loadConfig(hclDir, { env: {} });
    cdk = await loadConfig(stackDir, { env: {} });
  });

  it('GIVEN the fixture THEN it has the shape cdktf synth produces', () => {
    const doc = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining(['//', 'provider', 'resource', 'terraform', 'variable']),
    );
    const resources = doc['resource'] as Record<string, Record<string, Record<string, unknown>>>;
    for (const byName of Object.values(resources)) {
      for (const body of Object.values(byName)) expect(body['//']).toHaveProperty('metadata.path');
    }
  });

  it('GIVEN the cdk.tf.json directory WHEN validated like `nssv validate` THEN there are no errors', async () => {
    const { diagnostics } = await loadAndValidate(stackDir, { env: {} });
    expect(hasErrors(diagnostics) ? describeDiagnostics(diagnostics) : []).toEqual([]);
  });

  it('GIVEN the equivalent HCL WHEN validated THEN there are no errors', async () => {
    const { diagnostics } = await loadAndValidate(hclDir, { env: {} });
    expect(hasErrors(diagnostics) ? describeDiagnostics(diagnostics) : []).toEqual([]);
  });

  it('GIVEN both WHEN loaded THEN the desired graphs are equal', () => {
    expect(cdk.instances.length).toBe(11);
    expect(desiredGraph(cdk)).toEqual(desiredGraph(hcl));
  });

  it('GIVEN the cdk.tf.json WHEN loaded THEN "//" metadata is not taken for attributes', () => {
    for (const i of cdk.instances) expect(Object.keys(i.attributes)).not.toContain('//');
  });

  it('GIVEN the cdk.tf.json WHEN loaded THEN ranges point into cdk.tf.json', () => {
    const vm = cdk.instances.find((i) => i.address === 'nssv_vm.web["web1"]');
    expect(vm?.range.file).toBe('cdk.tf.json');
    expect(vm?.attributeRanges['memory_mib']?.file).toBe('cdk.tf.json');
  });
});
