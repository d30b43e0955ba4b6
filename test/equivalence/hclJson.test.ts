/**
 * HCL and Terraform JSON syntax are two spellings of one configuration: for every resource type,
 * test/fixtures/equivalence/<type>/hcl/main.tf and .../json/main.tf.json must load to the same
 * desired graph (addresses, types, attributes, dependsOn, lifecycle, sensitivePaths, outputs) and
 * validate without errors. Source ranges differ between the two and are not compared.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../engine/files/loadConfig.js';
import type { LoadedConfig } from '../../planner/config/types.js';
import { hasErrors } from '../../core/diagnostic.js';
import { validateInstances } from '../../planner/validate/validateInstances.js';
import { resourceTypes } from '../../schemas/registry.js';
import { describeDiagnostics, desiredGraph } from '../helpers/desiredGraph.js';

const fixtures = fileURLToPath(new URL('../fixtures/equivalence/', import.meta.url));

async function load(dir: string): Promise<LoadedConfig> {
  return loadConfig(dir, { env: {} });
}

function errorsOf(config: LoadedConfig): string[] {
  const diags = [...config.diagnostics, ...validateInstances(config.instances)];
  return hasErrors(diags) ? describeDiagnostics(diags.filter((d) => d.severity === 'error')) : [];
}

describe('HCL and JSON syntax load to the same desired graph', () => {
  it('GIVEN the schema registry THEN every resource type has an HCL and a JSON fixture', () => {
    const missing = resourceTypes().filter(
      (t) =>
        !existsSync(join(fixtures, t, 'hcl', 'main.tf')) ||
        !existsSync(join(fixtures, t, 'json', 'main.tf.json')),
    );
    expect(missing).toEqual([]);
  });

  it('GIVEN the fixtures THEN each syntax directory holds only files of its own syntax', () => {
    for (const t of resourceTypes()) {
      expect(readdirSync(join(fixtures, t, 'hcl')).filter((f) => f.endsWith('.tf.json'))).toEqual([]);
      expect(readdirSync(join(fixtures, t, 'json')).filter((f) => f.endsWith('.tf'))).toEqual([]);
    }
  });

  describe.each(resourceTypes())('%s', (type) => {
    let hcl: LoadedConfig;
    let json: LoadedConfig;

    beforeAll(async () => {
      hcl = await load(join(fixtures, type, 'hcl'));
      json = await load(join(fixtures, type, 'json'));
    });

    it('GIVEN the HCL form WHEN loaded and validated THEN there are no errors', () => {
      expect(errorsOf(hcl)).toEqual([]);
    });

    it('GIVEN the JSON form WHEN loaded and validated THEN there are no errors', () => {
      expect(errorsOf(json)).toEqual([]);
    });

    it('GIVEN the HCL form THEN it exercises the type, count or for_each, and a nested block', () => {
      const own = hcl.instances.filter((i) => i.type === type);
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(hcl.instances.some((i) => i.address !== i.resourceAddress)).toBe(true);
    });

    it('GIVEN both forms WHEN loaded THEN the desired graphs are equal', () => {
      expect(desiredGraph(json)).toEqual(desiredGraph(hcl));
    });

    it('GIVEN both forms WHEN loaded THEN they report the same warnings', () => {
      const warnings = (c: LoadedConfig) =>
        c.diagnostics
          .filter((d) => d.severity === 'warning')
          .map((d) => `${d.code} ${d.address ?? ''} ${d.summary}`);
      expect(warnings(json)).toEqual(warnings(hcl));
    });

    it('GIVEN the JSON form WHEN loaded THEN ranges point into main.tf.json', () => {
      for (const i of json.instances) {
        expect(i.range.file).toBe('main.tf.json');
        expect(i.range.line).toBeGreaterThanOrEqual(1);
        expect(i.range.column).toBeGreaterThanOrEqual(1);
      }
    });
  });
});
