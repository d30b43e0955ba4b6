import type { ErrorObject } from 'ajv/dist/2020.js';
import type { AgentApiCheck } from '../../schemas/agentApiCheck.js';
import type { JsonSchema } from '../../schemas/jsonSchema.js';
import { schemaAt } from '../../schemas/refs.js';
import { errors, type AgentError } from '../errors.js';
import { assertName, type NameKind } from '../names.js';
import { allowedText, pointerLabel, show, valueAt } from '../schema-words.js';

/**
 * A request body checked against its agent API schema (schemas/agent-api/). A failure is a
 * 400 naming the field, the value given and what the schema allows: the limits are the
 * schema's, which borrows them from the resource schemas the planner validates against.
 */
export function parseBody<T>(check: AgentApiCheck<T>, body: unknown): T {
  if (check.is(body)) return body;
  throw requestError(check.schema, body, check.errors(body));
}

const RANK: Record<string, number> = { type: 0, additionalProperties: 1 };

/** The error to report: the shallowest, a wrong type before unknown fields before the rest. */
function first(errs: readonly ErrorObject[]): ErrorObject {
  const depth = (e: ErrorObject): number => e.instancePath.split('/').length;
  return [...errs].sort((a, b) => depth(a) - depth(b) || (RANK[a.keyword] ?? 2) - (RANK[b.keyword] ?? 2))[0]!;
}

/** Whether the value at `path` or any container of it is sensitive (user data, SSH keys). */
function sensitiveAt(root: JsonSchema, path: string): boolean {
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    if (schemaAt(root, parts.slice(0, i).join('/'))?.['x-nssv-sensitive'] === true) return true;
  }
  return false;
}

function requestError(root: JsonSchema, body: unknown, errs: readonly ErrorObject[]): AgentError {
  if (errs.length === 0) return errors.invalidRequest('body does not match the request schema');
  const e = first(errs);
  if (e.keyword === 'additionalProperties') {
    const unknown = errs
      .filter((x) => x.keyword === 'additionalProperties' && x.instancePath === e.instancePath)
      .map((x) => JSON.stringify((x.params as { additionalProperty: string }).additionalProperty));
    const allowed = Object.keys(schemaAt(root, e.instancePath)?.properties ?? {});
    return errors.invalidRequest(
      `${pointerLabel(e.instancePath)} has unknown field(s) ${unknown.join(', ')}; allowed: ${allowed.join(', ')}`,
    );
  }
  const path =
    e.keyword === 'required'
      ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`
      : e.instancePath;
  const node = schemaAt(root, path) ?? {};
  const value = valueAt(body, path);
  const kind = node['x-nssv-agent-name'];
  if (typeof kind === 'string') {
    try {
      assertName(kind as NameKind, value, pointerLabel(path));
    } catch (err) {
      return err as AgentError;
    }
  }
  const given = sensitiveAt(root, path)
    ? '(a sensitive value, not shown)'
    : Array.isArray(value)
      ? `${value.length} entries`
      : show(value);
  return errors.invalidRequest(`${pointerLabel(path)} must be ${allowedText(node)}, got ${given}`);
}
