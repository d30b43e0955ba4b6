import type { SourceRange } from '../../core/diagnostic.js';
import type { Attribute, Block, Expr } from '../hcl/ast.js';
import type { EvalContext } from '../eval/context.js';
import { tryConvert } from '../eval/convert.js';
import { EvalError } from '../eval/errors.js';
import { evaluate } from '../eval/evaluate.js';
import { STRING } from '../eval/types.js';
import { type Value, DYNAMIC_UNKNOWN, UNKNOWN, object, tuple } from '../eval/value.js';
import { literalString } from './decode.js';
import { configErrors as E } from './errors.js';
import type { PropInfo } from './schema.js';
import { childPath } from './to-json.js';

export interface BodySink {
  ranges: Record<string, SourceRange>;
  /** Report an evaluation error at an attribute path. */
  error(err: EvalError, path: string): void;
  diag(d: import('../../core/diagnostic.js').Diagnostic): void;
}

/**
 * Evaluate a resource body (or a nested block body): attributes converted to their schema types where
 * possible, nested blocks (and dynamic blocks) as arrays of objects.
 */
export function evalBody(
  attrs: Attribute[],
  blocks: Block[],
  props: Map<string, PropInfo> | undefined,
  ctx: EvalContext,
  path: string,
  sink: BodySink,
  where: string,
  /** How its expressions are evaluated in `ctx` (resource-eval reuses the instance-invariant ones). */
  evaluateIn: (e: Expr, ctx: EvalContext) => Value = evaluate,
): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const a of attrs) {
    const p = childPath(path, a.name);
    sink.ranges[p] = a.expr.range;
    let v: Value;
    try {
      v = evaluateIn(a.expr, ctx);
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      sink.error(e, p);
      v = DYNAMIC_UNKNOWN;
    }
    const info = props?.get(a.name);
    if (info && !info.block) v = tryConvert(v, info.type) ?? v;
    out.set(a.name, v);
  }
  if (blocks.length === 0) return out;
  const grouped = new Map<string, Value[]>();
  const unknownBlocks = new Set<string>();
  // The block names a schema allows, for the message about a block it does not (built only then).
  const blockNames = (): string[] =>
    props ? [...props.values()].filter((x) => x.block).map((x) => x.name) : [];
  const push = (type: string, v: Value): void => {
    const arr = grouped.get(type) ?? [];
    arr.push(v);
    grouped.set(type, arr);
  };
  for (const b of blocks) {
    if (b.type === 'dynamic') {
      const type = b.labels[0] ?? '';
      const info = props?.get(type);
      if (props && !info?.block) {
        sink.diag(E.unsupportedBlock(b.labelRanges[0] ?? b.typeRange, type, where, blockNames()));
        continue;
      }
      if (!grouped.has(type)) grouped.set(type, []);
      const r = expandDynamic(
        b,
        info?.item,
        ctx,
        path,
        sink,
        (k) => childPath(path, type) + `[${grouped.get(type)!.length + k}]`,
      );
      if (r === 'unknown') unknownBlocks.add(type);
      else for (const v of r) push(type, v);
      continue;
    }
    const info = props?.get(b.type);
    if (props && !info?.block) {
      sink.diag(E.unsupportedBlock(b.typeRange, b.type, where, blockNames()));
      continue;
    }
    if (b.labels.length > 0) {
      sink.diag(E.wrongLabels(b.labelRanges[0]!, b.type, [], b.labels.length));
      continue;
    }
    const idx = grouped.get(b.type)?.length ?? 0;
    const p = `${childPath(path, b.type)}[${idx}]`;
    sink.ranges[p] = b.range;
    const inner = evalBody(
      b.body.attributes,
      b.body.blocks,
      info?.item,
      ctx,
      p,
      sink,
      `in a ${b.type} block`,
      evaluateIn,
    );
    push(b.type, object(inner));
  }
  for (const type of unknownBlocks) {
    out.set(type, DYNAMIC_UNKNOWN);
    grouped.delete(type);
  }
  // Each block keeps its own object type: unifying items that set different attributes would
  // turn them into maps and their numbers into strings.
  for (const [type, items] of grouped) out.set(type, tuple(items));
  return out;
}

function expandDynamic(
  b: Block,
  item: Map<string, PropInfo> | undefined,
  ctx: EvalContext,
  path: string,
  sink: BodySink,
  pathOf: (k: number) => string,
): Value[] | 'unknown' {
  const type = b.labels[0]!;
  const forEach = b.body.attributes.find((a) => a.name === 'for_each');
  const iteratorAttr = b.body.attributes.find((a) => a.name === 'iterator');
  const content = b.body.blocks.find((x) => x.type === 'content');
  if (!forEach || !content) {
    sink.diag(
      E.missingArgument(
        b.typeRange,
        forEach ? 'content' : 'for_each',
        `in dynamic "${type}"`,
        'A dynamic block needs for_each = <collection> and a content { … } block.',
      ),
    );
    return [];
  }
  let iterName = type;
  if (iteratorAttr) {
    const e = iteratorAttr.expr;
    iterName = e.t === 'var' ? e.name : (literalString(e) ?? type);
  }
  let coll: Value;
  try {
    coll = evaluate(forEach.expr, ctx);
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
    sink.error(e, childPath(path, type));
    return [];
  }
  if (coll.v === UNKNOWN) return 'unknown';
  if (coll.v === null) {
    sink.diag(E.invalidForEach(forEach.expr.range, 'the given value is null'));
    return [];
  }
  let pairs: Array<[Value, Value]>;
  const k = coll.t.k;
  if (Array.isArray(coll.v))
    pairs = coll.v.map((v, i) => [k === 'set' ? v : { t: { k: 'number' }, v: bigIndex(i) }, v]);
  else if (coll.v instanceof Map) pairs = [...coll.v].map(([key, v]) => [{ t: STRING, v: key }, v]);
  else {
    sink.diag(
      E.invalidForEach(
        forEach.expr.range,
        `a dynamic block's for_each needs a collection, but a ${coll.t.k} was given`,
      ),
    );
    return [];
  }
  const out: Value[] = [];
  pairs.forEach(([key, value], i) => {
    const it = object([
      ['key', key],
      ['value', value],
    ]);
    const c = ctx.child(new Map([[iterName, it]]));
    const p = pathOf(i);
    sink.ranges[p] = content.range;
    const inner = evalBody(
      content.body.attributes,
      content.body.blocks,
      item,
      c,
      p,
      sink,
      `in a ${type} block`,
    );
    out.push(object(inner));
  });
  return out;
}

function bigIndex(i: number): import('../eval/number.js').BigNum {
  return BigNumFromInt(i);
}
import { BigNum } from '../eval/number.js';
const BigNumFromInt = (i: number): BigNum => BigNum.fromInt(i);
