/**
 * Properties of the L1 synthesis, for generated inputs: any in-range NssvVm props synthesize to the
 * same values under the schema's snake_case names with no problem; any out-of-range memoryMib gives
 * exactly one problem naming the value and the range; every prop of every type maps to its
 * attribute and back.
 */
import fc from 'fast-check';
import { TerraformStack, Testing } from 'cdktn';
import { NssvProvider, NssvVm } from '../../../constructs/index.js';
import { camelCase, snakeCase } from '../../../constructs/cdk/names.js';
import { toAttributes } from '../../../constructs/cdk/toAttributes.js';
import { resourceSchema, resourceTypes } from '../../../schemas/registry.js';
import { validationProblems } from '../../../constructs/testing/index.js';

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const vmProps = fc.record(
  {
    name,
    clusterId: name,
    vcpus: fc.integer({ min: 1, max: 64 }),
    memoryMib: fc.integer({ min: 64, max: 1048576 }),
    powerState: fc.constantFrom('running' as const, 'shutoff' as const),
    haEnabled: fc.boolean(),
    tags: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 20 }), {
      maxKeys: 3,
    }),
    disk: fc.array(
      fc.record(
        {
          volumeId: name,
          bootOrder: fc.integer({ min: 1, max: 16 }),
          bus: fc.constantFrom('virtio' as const, 'scsi' as const, 'sata' as const),
        },
        { requiredKeys: ['volumeId'] },
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ['name', 'clusterId'] },
);

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), 'stack');
  new NssvProvider(s, 'nssv');
  return s;
}

const snake = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(snake)
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [snakeCase(k), snake(x)]))
      : v;

it('GIVEN any in-range NssvVm props WHEN synthesized THEN the attributes are the props in snake_case and nothing is reported', () => {
  fc.assert(
    fc.property(vmProps, (props) => {
      const s = stack();
      new NssvVm(s, 'vm', props);
      expect(validationProblems(s)).toEqual([]);
      const json = JSON.parse(Testing.synth(s)) as { resource: { nssv_vm: { vm: Record<string, unknown> } } };
      const { ['//']: _m, ...body } = json.resource.nssv_vm.vm;
      const { tags, ...rest } = props;
      expect(body).toEqual({ ...(snake(rest) as object), ...(tags !== undefined ? { tags } : {}) });
    }),
    { numRuns: 60 },
  );
});

it('GIVEN any memoryMib outside 64–1048576 WHEN validated THEN exactly one problem names the path, the value and the range', () => {
  const outside = fc.oneof(fc.integer({ min: -1000, max: 63 }), fc.integer({ min: 1048577, max: 2 ** 31 }));
  fc.assert(
    fc.property(outside, (memoryMib) => {
      const s = stack();
      new NssvVm(s, 'vm', { name: 'a', clusterId: 'c', memoryMib });
      const [bound, fix] =
        memoryMib < 64
          ? ['below the minimum 64', 'at least 64']
          : ['above the maximum 1048576', 'at most 1048576'];
      expect(validationProblems(s)).toEqual([
        `[stack/vm] memoryMib = ${memoryMib} is ${bound}. Allowed: 64–1048576 MiB. Fix: set memoryMib to ${fix}.`,
      ]);
    }),
    { numRuns: 60 },
  );
});

it('GIVEN every attribute of every resource type WHEN named in camelCase THEN it converts back to its attribute', () => {
  for (const type of resourceTypes()) {
    const schema = resourceSchema(type);
    for (const attr of Object.keys(schema.properties ?? {})) {
      if (schema.properties![attr]!.readOnly) continue;
      expect(snakeCase(camelCase(attr))).toBe(attr);
      const { attributes, unknown } = toAttributes(schema, { [camelCase(attr)]: 'x' });
      expect(unknown).toEqual([]);
      expect(Object.keys(attributes)).toEqual([attr]);
    }
  }
});
