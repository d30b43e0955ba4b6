import { readFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { join } from 'node:path';
import type { JsonSchema } from '../jsonSchema.js';
import { agentApiSchemas, allSchemas, resourceSchema, resourceTypes } from '../registry.js';
import { generateAgentApiTypes, generateAgentApiValidators } from './agentApi.js';
import { rulesFor } from '../rules/registry.js';
import { generateL1, generateL1Index } from './constructs.js';
import { generateDoc, generateIndex } from './docs.js';
import { generateTypes } from './types.js';
import { generateValidators } from './validators.js';

/** Every generated file, path relative to the repository root → content (formatted with the repository's Prettier config). */
export async function generatedFiles(root: string): Promise<Map<string, string>> {
  const types = resourceTypes();
  const schemas = new Map<string, JsonSchema>(types.map((t) => [t, resourceSchema(t)]));
  const files = new Map<string, string>();
  files.set('schemas/generated/types.ts', generateTypes(schemas));
  files.set('schemas/generated/agentApi.ts', generateAgentApiTypes(agentApiSchemas()));
  files.set('schemas/generated/agentApiValidators.ts', generateAgentApiValidators(agentApiSchemas()));
  for (const t of types) {
    const example = readFileSync(join(root, 'schemas', 'examples', `${t}.tf`), 'utf8');
    files.set(`docs/resources/${t}.md`, generateDoc(t, schemas.get(t)!, example, rulesFor(t)));
  }
  files.set('docs/resources/README.md', generateIndex(types, schemas));
  for (const t of types) files.set(`constructs/l1/${t}.ts`, generateL1(t, schemas.get(t)!));
  files.set('constructs/l1/index.ts', generateL1Index(types));
  const formatted = new Map<string, string>();
  // ajv's code, left as it comes (Prettier would take seconds over it; .prettierignore skips it)
  formatted.set('schemas/generated/validators.ts', generateValidators(allSchemas()));
  for (const [rel, content] of files) {
    const filepath = join(root, rel);
    const options = (await prettier.resolveConfig(filepath)) ?? {};
    formatted.set(rel, await prettier.format(content, { ...options, filepath }));
  }
  return formatted;
}
