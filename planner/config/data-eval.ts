import type { SourceRange } from '../../core/diagnostic.js';
import type { Attributes } from '../../core/values.js';
import { EvalError } from '../eval/errors.js';
import { fromJsonLiteral } from '../eval/evaluate.js';
import { type Value, DYNAMIC_UNKNOWN, UNKNOWN, object } from '../eval/value.js';
import { configErrors as E } from './errors.js';
import type { ModuleScope } from './module-scope.js';
import { toAttrValue } from './to-json.js';
import type { DataRequest } from './types.js';

/**
 * data.TYPE: an object of this module's data blocks of that type by name, each the attributes it
 * read (LoadOptions.dataValues), or unknown while they are not read yet.
 */
export function dataReference(
  m: ModuleScope,
  type: { name: string; range: SourceRange } | undefined,
  range: SourceRange,
): Value {
  const decls = [...(m.decl.dataSources?.values() ?? [])];
  const ofType = decls.filter((d) => d.type === type?.name);
  if (!type || ofType.length === 0)
    throw new EvalError(
      E.unknownData(
        type?.range ?? range,
        `data.${type?.name ?? ''}`,
        decls.map((d) => `data.${d.type}.${d.name}`),
      ),
    );
  return object(
    ofType.map((d) => {
      const read = m.shared.dataValues?.get(`${m.prefix}data.${d.type}.${d.name}`);
      return [d.name, read ? fromJsonLiteral(read) : DYNAMIC_UNKNOWN] as [string, Value];
    }),
  );
}

/** Unknown anywhere inside. */
function containsUnknown(v: Value): boolean {
  if (v.v === UNKNOWN) return true;
  if (Array.isArray(v.v)) return v.v.some(containsUnknown);
  if (v.v instanceof Map) for (const e of v.v.values()) if (containsUnknown(e)) return true;
  return false;
}

/** This module instance's data blocks with their arguments evaluated; unknown arguments are errors. */
export function dataRequests(m: ModuleScope): DataRequest[] {
  const out: DataRequest[] = [];
  for (const d of m.decl.dataSources?.values() ?? []) {
    const address = `${m.prefix}data.${d.type}.${d.name}`;
    const config: Attributes = {};
    const attributeRanges: Record<string, SourceRange> = {};
    let known = true;
    for (const a of d.attributes) {
      const v = m.evalReported(a.expr, m.ctx, address, a.name);
      attributeRanges[a.name] = a.expr.range;
      if (containsUnknown(v)) {
        // an evaluation error was reported already when the value is the dynamic unknown
        if (v !== DYNAMIC_UNKNOWN) m.shared.diags.push(E.dataArgumentUnknown(a.expr.range, address, a.name));
        known = false;
        continue;
      }
      config[a.name] = toAttrValue(v, a.name, undefined);
    }
    if (known) out.push({ address, type: d.type, config, range: d.range, attributeRanges });
  }
  return out;
}
