import type { ErrorObject } from 'ajv/dist/2020.js';
import { schemaProblems } from '../../agentd/schema-problems.js';
import type { JsonSchema } from '../../schemas/jsonSchema.js';
import { newSchemaAjv } from '../../schemas/ajv.js';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, pattern: '^[a-z]+$', 'x-nssv-allowed': 'a lowercase word' },
    size: { type: 'integer', minimum: 1, maximum: 8 },
    inner: {
      type: 'object',
      properties: { path: { type: 'string', pattern: '^/', 'x-nssv-allowed': 'an absolute path' } },
      required: ['path'],
      additionalProperties: false,
    },
  },
  required: ['name', 'size'],
  additionalProperties: false,
};

function problems(doc: unknown): string[] {
  const validate = newSchemaAjv().compile(schema);
  validate(doc);
  return schemaProblems(schema, doc, (validate.errors ?? []) as ErrorObject[], 'the file');
}

describe('schemaProblems', () => {
  it('GIVEN a document with problems at several depths WHEN listed THEN one line per field, unknown fields first, in the schema order', () => {
    expect(problems({ size: 9, inner: { extra: 1 }, other: true, name: '' })).toEqual([
      'unknown field "other"; allowed: name, size, inner',
      'name must be a lowercase word, got ""',
      'size must be an integer from 1 to 8, got 9',
      'inner has unknown field "extra"; allowed: path',
      'inner.path must be an absolute path, got nothing',
    ]);
  });

  it('GIVEN an object marked x-nssv-unknown-field-path WHEN it has an unknown field THEN the field is named by its dotted path', () => {
    const marked: JsonSchema = {
      ...schema,
      properties: {
        ...schema.properties,
        inner: { ...schema.properties!.inner, 'x-nssv-unknown-field-path': true },
      },
    };
    const validate = newSchemaAjv().compile(marked);
    const doc = { name: 'a', size: 1, inner: { path: '/p', extra: 1 } };
    validate(doc);
    expect(schemaProblems(marked, doc, (validate.errors ?? []) as ErrorObject[], 'the file')).toEqual([
      'unknown field inner.extra; allowed: path',
    ]);
  });

  it('GIVEN a document that is not an object WHEN listed THEN the whole is named', () => {
    expect(problems('x')).toEqual(['the file must be a JSON object, got "x"']);
  });

  it('GIVEN a valid document WHEN listed THEN there is nothing', () => {
    expect(problems({ name: 'a', size: 1 })).toEqual([]);
  });
});
