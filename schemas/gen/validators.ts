import { _ } from 'ajv/dist/compile/codegen/index.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { newSchemaAjv } from '../ajv.js';
import type { JsonSchema } from '../jsonSchema.js';

type StandaloneCode = (ajv: Ajv2020, refsOrFuncs: Record<string, string>) => string;
const standaloneCode = ((standaloneModule as unknown as { default?: StandaloneCode }).default ??
  standaloneModule) as unknown as StandaloneCode;

export const VALIDATORS_HEADER =
  '// Generated from schemas/*.schema.json and schemas/agent-api/*.schema.json by schemas/gen/main.ts — do not edit.\n' +
  '// Regenerate: npm run build && node dist/schemas/gen/main.js\n';

/**
 * Every schema's validator compiled ahead of time (ajv standalone code, same options as the
 * run-time ajv), so no command pays ajv's compilation on first use (~0.6 s for a plan).
 * Exported as `precompiledValidators`: schema `$id` → validate function.
 */
export function generateValidators(schemas: readonly JsonSchema[]): string {
  // Function formats (uri) are referenced from ajv-formats at run time; regular expressions are inlined.
  const ajv = newSchemaAjv({
    source: true,
    esm: true,
    formats: _`require("ajv-formats/dist/formats").fullFormats`,
  });
  const names: Record<string, string> = {};
  schemas.forEach((s, i) => (names[`v${i}`] = String(s.$id)));
  let code = standaloneCode(ajv, names);
  // ajv's few run-time helpers come as require() calls, which an ES module cannot make.
  const imports: string[] = [];
  code = code.replace(/require\("([^"]+)"\)/g, (_m, spec: string) => {
    const name = `runtime${imports.length}`;
    imports.push(`import ${name} from ${JSON.stringify(`${spec}.js`)};`);
    return name;
  });
  code = code.replace(/^"use strict";/, '');
  const table = schemas.map((s, i) => `  ${JSON.stringify(String(s.$id))}: v${i},`).join('\n');
  return (
    `${VALIDATORS_HEADER}/* eslint-disable */\n// @ts-nocheck -- ajv's generated code\n` +
    `${imports.join('\n')}\n${code}\n\n` +
    `/** Schema $id → its validator, compiled ahead of time. */\n` +
    `export const precompiledValidators = {\n${table}\n};\n`
  );
}
