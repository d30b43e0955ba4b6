import { convert, tryConvert } from '../eval/convert.js';
import { fromJsonLiteral } from '../eval/evaluate.js';
import { STRING } from '../eval/types.js';
import { type Value, UNKNOWN, nullOf, object, sensitive, unknownOf } from '../eval/value.js';
import type { PropInfo, ResourceSchema } from './schema.js';
import { isUnknown, type Attributes } from '../../core/values.js';

/**
 * The value other expressions see for a resource instance: its configured attributes, schema defaults
 * for the rest, `id` equal to the id attribute (name), computed attributes unknown, sensitive ones marked.
 */
export function referenceValue(
  schema: ResourceSchema | undefined,
  configured: Map<string, Value>,
  known?: Attributes,
): Value {
  if (!schema) return object(configured);
  const entries = fill(schema.props, configured, known);
  const idSource = configured.get(schema.idAttr);
  entries.set(
    'id',
    idSource && idSource.v !== null ? (tryConvert(idSource, STRING) ?? idSource) : unknownOf(STRING),
  );
  return object(entries);
}

/** A computed attribute's applied value, converted to its schema type; undefined when not known. */
function knownValue(p: PropInfo, known: Attributes | undefined): Value | undefined {
  const raw = known?.[p.name];
  if (raw === undefined || raw === null || isUnknown(raw)) return undefined;
  const v = fromJsonLiteral(raw);
  return tryConvert(v, p.type) ?? v;
}

function fill(
  props: Map<string, PropInfo>,
  configured: Map<string, Value>,
  known?: Attributes,
): Map<string, Value> {
  const entries = new Map(configured);
  for (const [name, p] of props) {
    const given = entries.get(name);
    if (given !== undefined && given.v !== null) {
      if (p.block && given.v !== UNKNOWN && Array.isArray(given.v) && p.item) {
        const knownItems = Array.isArray(known?.[name]) ? (known![name] as Attributes[]) : [];
        const items = given.v.map((it, i) =>
          it.v instanceof Map ? object(fill(p.item!, it.v, knownItems[i] ?? undefined)) : it,
        );
        entries.set(name, {
          t: { k: 'tuple', elems: items.map((i) => i.t) },
          v: items,
          ...(given.sens ? { sens: true } : {}),
        });
      }
      if (p.sensitive) entries.set(name, sensitive(entries.get(name)!));
      continue;
    }
    let v: Value;
    if (p.computed) v = knownValue(p, known) ?? unknownOf(p.type);
    else if (p.hasDefault) {
      const d = fromJsonLiteral(p.default);
      v = tryConvert(d, p.type) ?? d;
    } else v = nullOf(p.type);
    if (p.sensitive) v = sensitive(v);
    entries.set(name, v);
  }
  return entries;
}

export { convert };
