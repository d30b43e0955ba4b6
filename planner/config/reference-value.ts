import { convert, tryConvert } from '../eval/convert.js';
import { fromJsonLiteral } from '../eval/evaluate.js';
import { STRING } from '../eval/types.js';
import { type Value, UNKNOWN, nullOf, object, sensitive, unknownOf } from '../eval/value.js';
import type { PropInfo, ResourceSchema } from './schema.js';

/**
 * The value other expressions see for a resource instance: its configured attributes, schema defaults
 * for the rest, `id` equal to the id attribute (name), computed attributes unknown, sensitive ones marked.
 */
export function referenceValue(schema: ResourceSchema | undefined, configured: Map<string, Value>): Value {
  if (!schema) return object(configured);
  const entries = fill(schema.props, configured);
  const idSource = configured.get(schema.idAttr);
  entries.set(
    'id',
    idSource && idSource.v !== null ? (tryConvert(idSource, STRING) ?? idSource) : unknownOf(STRING),
  );
  return object(entries);
}

function fill(props: Map<string, PropInfo>, configured: Map<string, Value>): Map<string, Value> {
  const entries = new Map(configured);
  for (const [name, p] of props) {
    const given = entries.get(name);
    if (given !== undefined && given.v !== null) {
      if (p.block && given.v !== UNKNOWN && Array.isArray(given.v) && p.item) {
        const items = given.v.map((it) => (it.v instanceof Map ? object(fill(p.item!, it.v)) : it));
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
    if (p.computed) v = unknownOf(p.type);
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
