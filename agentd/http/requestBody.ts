import type { ErrorObject } from 'ajv/dist/2020.js';
import type { AgentApiCheck } from '../../schemas/agentApiCheck.js';
import type { JsonSchema } from '../../schemas/jsonSchema.js';
import { schemaAt } from '../../schemas/refs.js';
import { errors, type AgentError } from '../errors.js';
import { assertName, type NameKind } from '../names.js';

/**
 * A request body checked against its agent API schema (schemas/agent-api/). A failure is a
 * 400 naming the field, the value given and what the schema allows: the limits are the
 * schema's, which borrows them from the resource schemas the planner validates against.
 */
export function parseBody<T>(check: AgentApiCheck<T>, body: unknown): T {
  if (check.is(body)) return body;
  throw requestError(check.schema, body, check.errors(body));
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
}

function label(path: string): string {
  return path
    .split('/')
    .slice(1)
    .reduce((at, raw) => {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(key) ? `${at}[${key}]` : `${at}.${key}`;
    }, 'body');
}

function valueAt(body: unknown, path: string): unknown {
  return path
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (at, raw) => (at as Record<string, unknown> | undefined)?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')],
      body,
    );
}

/** What a schema allows, in words, from its own keywords. */
export function allowedText(s: JsonSchema): string {
  if (typeof s['x-nssv-allowed'] === 'string') return s['x-nssv-allowed'];
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const nullable = types.includes('null');
  const nullMeans = typeof s['x-nssv-null-means'] === 'string' ? ` (${s['x-nssv-null-means']})` : '';
  const orNull = nullable ? ` or null${nullMeans}` : '';
  if (s.enum) {
    const values = s.enum.filter((v) => v !== null).map((v) => JSON.stringify(v));
    return `one of ${values.join(', ')}${orNull}`;
  }
  if (types.includes('integer') || types.includes('number')) {
    const kind = types.includes('integer') ? 'an integer' : 'a number';
    const range =
      s.minimum !== undefined && s.maximum !== undefined
        ? ` from ${s.minimum} to ${s.maximum}`
        : s.minimum !== undefined
          ? ` of at least ${s.minimum}`
          : s.maximum !== undefined
            ? ` of at most ${s.maximum}`
            : '';
    return `${kind}${range}${orNull}`;
  }
  if (types.includes('array'))
    return s.maxItems !== undefined ? `an array of at most ${s.maxItems} entries` : 'an array';
  if (types.includes('object')) return 'a JSON object';
  if (types.includes('boolean')) return `true or false${orNull}`;
  if (types.includes('string'))
    return `${s.maxLength !== undefined ? `a string of at most ${s.maxLength} characters` : 'a string'}${orNull}`;
  return 'a valid value';
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
      `${label(e.instancePath)} has unknown field(s) ${unknown.join(', ')}; allowed: ${allowed.join(', ')}`,
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
      assertName(kind as NameKind, value, label(path));
    } catch (err) {
      return err as AgentError;
    }
  }
  const given = sensitiveAt(root, path)
    ? '(a sensitive value, not shown)'
    : Array.isArray(value)
      ? `${value.length} entries`
      : show(value);
  return errors.invalidRequest(`${label(path)} must be ${allowedText(node)}, got ${given}`);
}
