/** The L1 generator: a schema → a construct class whose props, docs and getters come from it. */
import { generateL1, generateL1Index } from '../../../schemas/gen/constructs.js';
import type { JsonSchema } from '../../../schemas/jsonSchema.js';

const schema: JsonSchema = {
  title: 'nssv_toy',
  description: 'A toy.',
  type: 'object',
  properties: {
    id: { type: 'string', readOnly: true, description: 'Its id.' },
    name: { type: 'string', 'x-nssv-force-new': true, description: 'Its name.' },
    size_gib: { type: 'integer', minimum: 1, maximum: 8, default: 1, description: 'Size.' },
    mode: { type: 'string', enum: ['a', 'b'], description: 'Mode.' },
    on: { type: 'boolean', description: 'On.' },
    part: {
      type: 'array',
      'x-nssv-block': true,
      items: {
        type: 'object',
        properties: { part_id: { type: 'string', description: 'Part.' } },
        required: ['part_id'],
      },
      description: 'Parts.',
    },
  },
  required: ['name'],
};

it('GIVEN a schema WHEN generated THEN props are camelCase with types, docs and ranges, blocks are arrays of objects', () => {
  const out = generateL1('nssv_toy', schema);
  expect(
    out.startsWith('// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.\n'),
  ).toBe(true);
  expect(out).toContain(
    'export interface NssvToyPart {\n  /**\n   * Part.\n   */\n  readonly partId: string;\n}\n',
  );
  expect(out).toContain(
    '  /**\n   * Its name.\n   * Changing it replaces the resource.\n   */\n  readonly name: string;',
  );
  expect(out).toContain(
    '   * Size.\n   * Allowed: 1–8.\n   * @default 1\n   */\n  readonly sizeGib?: number;',
  );
  expect(out).toContain('  readonly mode?: "a" | "b";');
  expect(out).toContain('  readonly on?: boolean | IResolvable;');
  expect(out).toContain('  readonly part?: NssvToyPart[] | IResolvable;');
  expect(out).toContain("  public static readonly tfResourceType = 'nssv_toy';");
  expect(out).toContain(
    "  public get sizeGib(): number {\n    return this.getNumberAttribute('size_gib');\n  }",
  );
  expect(out).toContain("  public get id(): string {\n    return this.getStringAttribute('id');\n  }");
  expect(out).toContain(
    "  public get part(): IResolvable {\n    return this.interpolationForAttribute('part');\n  }",
  );
});

it('GIVEN an attribute named like a TerraformResource member WHEN generated THEN generation fails naming it', () => {
  const bad: JsonSchema = { ...schema, properties: { count: { type: 'integer' } } };
  expect(() => generateL1('nssv_bad', bad)).toThrow(
    'bug: attribute count would shadow TerraformResource.count',
  );
});

it('GIVEN types WHEN the index is generated THEN it re-exports each file and the base class', () => {
  expect(generateL1Index(['nssv_a', 'nssv_b'])).toContain(
    "export { NssvResource, type NssvMetaArguments } from './resource.js';\nexport * from './nssv_a.js';\nexport * from './nssv_b.js';\n",
  );
});
