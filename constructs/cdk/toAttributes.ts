/**
 * camelCase construct props → the schema's snake_case attributes, walking the schema (nested blocks
 * are arrays of objects whose keys are converted too; map values such as tags keep their keys).
 * Props the schema does not have are returned separately so validation can name them.
 */
import type { JsonSchema } from '../../schemas/jsonSchema.js';
import { camelCase } from './names.js';

export interface Converted {
  attributes: Record<string, unknown>;
  /** camelCase paths of props the schema has no attribute for ("memoryMiB", "disk[0].volume"). */
  unknown: string[];
}

const camelNames = new WeakMap<JsonSchema, Map<string, string>>();

/** camelCase prop name → attribute name, per (sub)schema, computed once. */
function byCamelOf(schema: JsonSchema): Map<string, string> {
  let map = camelNames.get(schema);
  if (!map) {
    map = new Map(Object.keys(schema.properties ?? {}).map((k) => [camelCase(k), k]));
    camelNames.set(schema, map);
  }
  return map;
}

function convertObject(
  schema: JsonSchema,
  props: Record<string, unknown>,
  prefix: string,
  unknown: string[],
): Record<string, unknown> {
  const byCamel = byCamelOf(schema);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    const snake = byCamel.get(key);
    const path = prefix ? `${prefix}.${key}` : key;
    if (!snake) {
      unknown.push(path);
      continue;
    }
    const prop = schema.properties![snake]!;
    out[snake] = convertValue(prop, value, path, unknown);
  }
  return out;
}

function convertValue(prop: JsonSchema, value: unknown, path: string, unknown: string[]): unknown {
  const item = prop.items;
  if (prop['x-nssv-block'] && item?.properties && Array.isArray(value)) {
    return value.map((v, i) =>
      v && typeof v === 'object' && !Array.isArray(v) && !isResolvable(v)
        ? convertObject(item, v as Record<string, unknown>, `${path}[${i}]`, unknown)
        : v,
    );
  }
  return value;
}

function isResolvable(v: object): boolean {
  return typeof (v as { resolve?: unknown }).resolve === 'function';
}

export function toAttributes(schema: JsonSchema, props: Record<string, unknown>): Converted {
  const unknown: string[] = [];
  return { attributes: convertObject(schema, props, '', unknown), unknown };
}
