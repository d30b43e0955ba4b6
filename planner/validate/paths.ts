import type { SourceRange } from '../../core/diagnostic.js';
import type { DesiredInstance } from '../config/types.js';
import type { JsonSchema } from '../../schemas/jsonSchema.js';

/** One step into a value: an object key or a list index. */
export type PathSegment = string | number;

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Segments of an ajv instancePath ("/disk/0/volume_id"). Numeric segments are indexes only inside lists. */
export function segmentsOf(instancePath: string, root: unknown): PathSegment[] {
  if (instancePath === '') return [];
  const out: PathSegment[] = [];
  let node: unknown = root;
  for (const raw of instancePath.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(key)) {
      out.push(Number(key));
      node = node[Number(key)];
    } else {
      out.push(key);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return out;
}

/**
 * Attribute path as users and attributeRanges spell it: disk[0].volume_id, labels["rack"].
 * Keys that are schema properties join with "."; map keys (not declared properties) use ["key"].
 */
export function formatPath(segments: readonly PathSegment[], schema: JsonSchema): string {
  let out = '';
  let node: JsonSchema | undefined = schema;
  for (const seg of segments) {
    if (typeof seg === 'number') {
      out += `[${seg}]`;
      node = node?.items;
      continue;
    }
    const declared = node?.properties?.[seg];
    if (declared || (node && !node.additionalProperties)) {
      out += out === '' ? seg : IDENT.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`;
      node = declared;
    } else {
      out += `[${JSON.stringify(seg)}]`;
      node = typeof node?.additionalProperties === 'object' ? node.additionalProperties : undefined;
    }
  }
  return out;
}

/** Schema of the value at a path, stepping through items and additionalProperties. */
export function schemaAt(schema: JsonSchema, segments: readonly PathSegment[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = schema;
  for (const seg of segments) {
    if (!node) return undefined;
    if (typeof seg === 'number') node = node.items;
    else
      node =
        node.properties?.[seg] ??
        (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
  }
  return node;
}

/** Value at a path. */
export function valueAt(root: unknown, segments: readonly PathSegment[]): unknown {
  let node = root;
  for (const seg of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** Parent paths of an attribute path, nearest first: disk[0].size_gib → disk[0], disk. */
export function parentPaths(path: string): string[] {
  const out: string[] = [];
  let p = path;
  for (;;) {
    const m = /^(.*)(\.[^.[\]]+|\[[^\]]*\])$/.exec(p);
    if (!m || !m[1]) break;
    p = m[1];
    out.push(p);
  }
  return out;
}

/** Where an attribute was set: its own range (or its first block's), else its nearest enclosing attribute's, else the block's. */
export function rangeOf(instance: DesiredInstance, path: string): SourceRange {
  const ranges = instance.attributeRanges ?? {};
  if (path !== '') {
    for (const p of [path, ...parentPaths(path)]) {
      const r = ranges[p] ?? ranges[`${p}[0]`];
      if (r) return r;
    }
  }
  return instance.range;
}

/** Whether a path is sensitive: declared so in the schema or marked by the evaluator (sensitive variables). */
export function isSensitivePath(instance: DesiredInstance, path: string, schemaNode?: JsonSchema): boolean {
  if (schemaNode?.['x-nssv-sensitive'] === true) return true;
  const paths = instance.sensitivePaths ?? [];
  return paths.some((p) => p === path || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}

/** Whether the schema marks the value at this path, or anything enclosing it, as sensitive. */
export function schemaSensitiveAlong(schema: JsonSchema, segments: readonly PathSegment[]): boolean {
  let node: JsonSchema | undefined = schema;
  for (let i = 0; i <= segments.length; i++) {
    if (node?.['x-nssv-sensitive'] === true) return true;
    if (i === segments.length || !node) break;
    node = schemaAt(node, [segments[i]!]);
  }
  return false;
}
