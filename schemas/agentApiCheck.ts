import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { agentApiValidator } from './ajv.js';
import type { JsonSchema } from './jsonSchema.js';
import { agentApiSchemas } from './registry.js';

/** A generated validator of one agent API message (schemas/agent-api/<name>.schema.json). */
export interface AgentApiCheck<T> {
  readonly title: string;
  readonly schema: JsonSchema;
  /** True when `value` is a valid message; false leaves the reasons in `errors(value)`. */
  is(value: unknown): value is T;
  /** ajv's errors for `value` (empty when valid). */
  errors(value: unknown): ErrorObject[];
}

export function agentApiCheck<T>(title: string): AgentApiCheck<T> {
  let fn: ValidateFunction | undefined;
  const compiled = (): ValidateFunction => (fn ??= agentApiValidator(title));
  return {
    title,
    get schema(): JsonSchema {
      const s = agentApiSchemas().get(title);
      if (!s) throw new Error(`bug: no agent API schema titled ${title}`);
      return s;
    },
    is: (value: unknown): value is T => compiled()(value) === true,
    errors(value) {
      const f = compiled();
      return f(value) ? [] : [...(f.errors ?? [])];
    },
  };
}
