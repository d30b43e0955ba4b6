import type { Attributes, AttrValue } from '../core/values.js';
import { annotationsOf } from './annotationView.js';
import type { JsonSchema } from './jsonSchema.js';
import { resourceSchema } from './registry.js';

/** One attribute of a resource type, flattened: paths use "[]" for block items ("disk[].volume_id"). */
export interface AttributeInfo {
  path: string;
  forceNew: boolean;
  /** 'user': set by the user; 'optional': the user may set it, else nssv computes it; 'readonly': nssv only. */
  source: 'user' | 'optional' | 'readonly';
  sensitive: boolean;
  block: boolean;
  reference?: string;
  hasDefault: boolean;
}

const infoCache = new Map<string, AttributeInfo[]>();

function walk(schema: JsonSchema, prefix: string, out: AttributeInfo[]): void {
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const a = annotationsOf(prop);
    out.push({
      path,
      forceNew: a.forceNew,
      source: a.readOnly ? 'readonly' : a.computed ? 'optional' : 'user',
      sensitive: a.sensitive,
      block: a.block,
      ...(a.reference !== undefined ? { reference: a.reference } : {}),
      hasDefault: a.hasDefault,
    });
    if (a.block && prop.items?.properties) walk(prop.items, `${path}[]`, out);
  }
}

/** All attributes of a type (top level and inside blocks), in schema order. */
export function attributeInfos(type: string): AttributeInfo[] {
  let infos = infoCache.get(type);
  if (!infos) {
    infos = [];
    walk(resourceSchema(type), '', infos);
    infoCache.set(type, infos);
  }
  return infos;
}

/** Normalise a concrete path ("disk[0].volume_id") to its schema path ("disk[].volume_id"). */
export function schemaPath(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

const infoByPath = new Map<string, Map<string, AttributeInfo>>();

export function attributeInfo(type: string, path: string): AttributeInfo | undefined {
  // Called for every attribute of every instance a plan compares: a map per type, not a scan.
  let byPath = infoByPath.get(type);
  if (!byPath) {
    byPath = new Map();
    for (const a of attributeInfos(type)) if (!byPath.has(a.path)) byPath.set(a.path, a);
    infoByPath.set(type, byPath);
  }
  return byPath.get(path.includes('[') ? schemaPath(path) : path);
}

/** What withDefaults needs of one schema level, computed once per schema object. */
interface DefaultsPlan {
  defaults: [name: string, value: AttrValue][];
  blocks: [name: string, items: JsonSchema][];
}

const defaultsPlans = new WeakMap<JsonSchema, DefaultsPlan>();

function defaultsPlan(schema: JsonSchema): DefaultsPlan {
  let plan = defaultsPlans.get(schema);
  if (!plan) {
    plan = { defaults: [], blocks: [] };
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      if (prop.default !== undefined) plan.defaults.push([name, prop.default as AttrValue]);
      if (prop['x-nssv-block'] && prop.items) plan.blocks.push([name, prop.items]);
    }
    defaultsPlans.set(schema, plan);
  }
  return plan;
}

/** A fresh copy of a default (they are JSON values), so callers may change what they get. */
function copyOf(v: AttrValue): AttrValue {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(copyOf);
  const out: Record<string, AttrValue> = {};
  for (const [k, x] of Object.entries(v)) out[k] = copyOf(x as AttrValue);
  return out as AttrValue;
}

function withDefaults(schema: JsonSchema, value: Attributes): Attributes {
  const plan = defaultsPlan(schema);
  const out: Attributes = { ...value };
  for (const [name, d] of plan.defaults) if (out[name] === undefined) out[name] = copyOf(d);
  for (const [name, itemSchema] of plan.blocks) {
    const v = out[name];
    if (Array.isArray(v)) {
      out[name] = v.map((item) =>
        item && typeof item === 'object' && !Array.isArray(item)
          ? withDefaults(itemSchema, item as Attributes)
          : item,
      );
    }
  }
  return out;
}

/**
 * `withDefaults(schema, value)[name]` without building the whole object: for reading only (a
 * default is the schema's own value, not a copy). Blocks get their items' defaults as well.
 */
export function defaultedValue(schema: JsonSchema, value: Attributes, name: string): AttrValue | undefined {
  const prop = schema.properties?.[name];
  const v = value[name] !== undefined ? value[name] : (prop?.default as AttrValue | undefined);
  if (!prop?.['x-nssv-block'] || !prop.items || !Array.isArray(v)) return v;
  const items = prop.items;
  return v.map((item) =>
    item && typeof item === 'object' && !Array.isArray(item) ? withDefaults(items, item as Attributes) : item,
  );
}

/** The attributes with every schema default filled in (blocks included). */
export function applyDefaults(type: string, attrs: Attributes): Attributes {
  return withDefaults(resourceSchema(type), attrs);
}

/** Which attribute the resource's id equals (every type: "name"). */
export function idAttribute(type: string): string {
  return resourceSchema(type)['x-nssv-id'] ?? 'name';
}
