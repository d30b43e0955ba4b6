import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Options, ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { NSSV_KEYWORDS } from './annotations.js';
import { precompiledValidators } from './generated/validators.js';
import { agentApiSchemas, allSchemas, findResourceSchema } from './registry.js';

type AddFormats = (ajv: Ajv2020, formats: string[]) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;

let ajv: Ajv2020 | undefined;

/**
 * A new ajv (draft 2020-12, all errors, strict, nssv keywords registered) holding every resource
 * schema and every agent API schema, so a `$ref` from the agent API to a resource attribute
 * (e.g. "nssv_vm#/properties/memory_mib") makes both enforce the same limits. `code` is for
 * schemas/gen/validators.ts, which compiles every schema ahead of time with the same options.
 */
export function newSchemaAjv(code?: Options['code']): Ajv2020 {
  const a = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    verbose: true,
    ...(code ? { code } : {}),
  });
  for (const keyword of NSSV_KEYWORDS) a.addKeyword({ keyword });
  addFormats(a, ['ipv4', 'ipv6', 'uri', 'hostname', 'uuid']);
  for (const schema of allSchemas()) a.addSchema(schema);
  return a;
}

/** The process's one schema ajv (see newSchemaAjv), for sub-schemas the precompiled set lacks. */
export function schemaAjv(): Ajv2020 {
  ajv ??= newSchemaAjv();
  return ajv;
}

/**
 * The validator of a whole schema by `$id`: the one compiled ahead of time
 * (schemas/generated/validators.ts, kept in step with the schemas by CI), else compiled now.
 */
function validatorById(id: string): ValidateFunction | undefined {
  return (
    (precompiledValidators as unknown as Record<string, ValidateFunction | undefined>)[id] ??
    schemaAjv().getSchema(id)
  );
}

const validators = new Map<string, ValidateFunction | undefined>();

/** The validator of a resource type (looked up once, then kept by type); undefined for unknown types. */
export function resourceValidator(type: string): ValidateFunction | undefined {
  if (validators.has(type)) return validators.get(type);
  const schema = findResourceSchema(type);
  const fn = schema ? validatorById(String(schema.$id)) : undefined;
  validators.set(type, fn);
  return fn;
}

/** The validator of an agent API schema by title ("DomainSpec"). */
export function agentApiValidator(title: string): ValidateFunction {
  const schema = agentApiSchemas().get(title);
  const fn = schema && validatorById(String(schema.$id));
  if (!fn) throw new Error(`bug: no agent API schema titled ${title}`);
  return fn;
}
