import { existsSync } from 'node:fs';
import { resourceTypes, resourceSchema } from '../../schemas/registry.js';
import type { JsonSchema } from '../../schemas/jsonSchema.js';
import { validatorFor } from '../../planner/validate/ajv.js';

const MODEL = [
  'nssv_cluster',
  'nssv_datacenter',
  'nssv_distributed_switch',
  'nssv_host',
  'nssv_host_group',
  'nssv_image',
  'nssv_image_storage',
  'nssv_port_group',
  'nssv_scheduling_group',
  'nssv_security_group',
  'nssv_storage_pool',
  'nssv_vm',
  'nssv_volume',
  'nssv_volume_snapshot',
];

function properties(schema: JsonSchema, prefix = ''): Array<[string, JsonSchema]> {
  return Object.entries(schema.properties ?? {}).flatMap(([name, p]) => [
    [`${prefix}${name}`, p] as [string, JsonSchema],
    ...(p.items?.properties ? properties(p.items, `${prefix}${name}[].`) : []),
  ]);
}

describe('resource schemas', () => {
  it('GIVEN DESIGN.md §2 WHEN listing the registry THEN every resource type of the model has a schema', () => {
    expect(resourceTypes()).toEqual(MODEL);
  });

  it.each(MODEL)('GIVEN %s WHEN compiled by ajv in strict mode THEN it compiles', (type) => {
    expect(typeof validatorFor(type)).toBe('function');
  });

  it.each(MODEL)(
    'GIVEN %s THEN the type and every attribute have a description, and it has an example',
    (type) => {
      const schema = resourceSchema(type);
      expect(schema.description).toBeTruthy();
      const undocumented = properties(schema)
        .filter(([, p]) => !p.description)
        .map(([n]) => n);
      expect(undocumented).toEqual([]);
      expect(existsSync(new URL(`../../schemas/examples/${type}.tf`, import.meta.url))).toBe(true);
    },
  );

  it.each(MODEL)('GIVEN %s THEN every id is read-only and its id attribute is name', (type) => {
    const schema = resourceSchema(type);
    expect(schema['x-nssv-id']).toBe('name');
    expect(schema.properties?.id?.readOnly).toBe(true);
    expect(schema.required).toContain('name');
  });

  it('GIVEN the attributes a reference points at THEN every x-nssv-reference names a known type', () => {
    const known = new Set(resourceTypes());
    const bad = MODEL.flatMap((type) =>
      properties(resourceSchema(type))
        .map(([n, p]) => [n, p['x-nssv-reference'] ?? p.items?.['x-nssv-reference']] as const)
        .filter(([, ref]) => ref !== undefined && !known.has(String(ref)))
        .map(([n, ref]) => `${type}.${n} -> ${String(ref)}`),
    );
    expect(bad).toEqual([]);
  });
});
