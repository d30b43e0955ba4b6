import { newSchemaAjv, resourceValidator } from '../../../schemas/ajv.js';
import { precompiledValidators } from '../../../schemas/generated/validators.js';
import { allSchemas } from '../../../schemas/registry.js';

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
const precompiled = precompiledValidators as unknown as Record<string, Validate>;

describe('precompiled validators (schemas/generated/validators.ts)', () => {
  it('GIVEN every schema WHEN looked up by $id THEN each has a precompiled validator', () => {
    const missing = allSchemas()
      .map((s) => String(s.$id))
      .filter((id) => typeof precompiled[id] !== 'function');
    expect(missing).toEqual([]);
  });

  it('GIVEN a resource type WHEN its validator is asked for THEN it is the precompiled one', () => {
    expect(resourceValidator('nssv_vm')).toBe(precompiled['nssv_vm']);
  });

  it('GIVEN invalid and valid values WHEN both validators check them THEN verdicts and errors are the same as ajv compiling at run time', () => {
    const ajv = newSchemaAjv();
    const values: unknown[] = [
      {},
      { name: 'web1', memory_mib: -1, vcpus: 'two' },
      { name: 'Bad Name', unknown_attribute: true },
      { name: 'web1', cluster_id: 'c', vcpus: 1, memory_mib: 128 },
      { id: 'x', mtu: 100000, vlan_id: 5000, dhcp: [{ start: '10.0.0.300', end: 'nope' }] },
      [],
      null,
    ];
    let compared = 0;
    for (const schema of allSchemas()) {
      const id = String(schema.$id);
      const runtime = ajv.getSchema(id)!;
      for (const value of values) {
        const a = precompiled[id]!(value);
        const b = runtime(value);
        expect({ id, value, ok: a, errors: a ? null : precompiled[id]!.errors }).toEqual({
          id,
          value,
          ok: b,
          errors: b ? null : runtime.errors,
        });
        compared++;
      }
    }
    expect(compared).toBe(allSchemas().length * values.length);
  });
});
