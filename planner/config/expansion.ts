import type { Attribute } from '../hcl/ast.js';
import { ConversionError, convert } from '../eval/convert.js';
import { NUMBER, STRING, friendlyName, objectOf } from '../eval/types.js';
import {
  type Value,
  DYNAMIC_UNKNOWN,
  UNKNOWN,
  containsSensitive,
  int,
  object,
  str,
  unknownOf,
} from '../eval/value.js';
import type { BigNum } from '../eval/number.js';
import { configErrors as E } from './errors.js';
import type { ModuleScope } from './module-scope.js';

/**
 * The key of the one instance that stands for all of a block's when its count or for_each is not
 * known (validating only): its address ends in [*].
 */
export const ANY_KEY: unique symbol = Symbol('any instance');

export interface InstanceKey {
  /** undefined: no count/for_each */
  key: number | string | typeof ANY_KEY | undefined;
  /** count / each symbols for the instance's expressions (a fresh map on each read for count and for_each) */
  readonly symbols: Map<string, Value>;
}

export interface Expansion {
  mode: 'single' | 'count' | 'for_each';
  keys: InstanceKey[];
  deps: Set<string>;
  /**
   * Only when validating (Shared.validateOnly): the count or for_each is unknown, so there are no
   * keys; this one (ANY_KEY, count.index or each.key/each.value unknown) stands for them all.
   */
  unknown?: InstanceKey;
}

/** More instances than this from one resource block is a mistake, not a data center (and would exhaust memory). */
export const MAX_INSTANCES_PER_RESOURCE = 100_000;

/** Expand count / for_each into instance keys (Terraform semantics: known before apply). */
export function expand(
  m: ModuleScope,
  count: Attribute | undefined,
  forEach: Attribute | undefined,
  address: string,
): Expansion {
  if (count) {
    const r = m.collect(() => m.evalReported(count.expr, m.ctx, address, 'count'));
    const v = r.value;
    const fail = (problem: string): Expansion => {
      m.shared.diags.push({ ...E.invalidCount(count.expr.range, problem), address });
      return { mode: 'count', keys: [], deps: r.deps };
    };
    if (v.v === UNKNOWN) {
      if (m.shared.validateOnly)
        return {
          mode: 'count',
          keys: [],
          deps: r.deps,
          unknown: { key: ANY_KEY, symbols: unknownCountSymbols() },
        };
      return v.t.k === 'dynamic' && r.deps.size === 0
        ? { mode: 'count', keys: [], deps: r.deps }
        : fail('the value depends on attributes that cannot be determined until apply');
    }
    if (v.v === null) return fail('the given value is null');
    if (containsSensitive(v))
      return fail('the value is sensitive, so it cannot be used to decide how many instances to create');
    let n: Value;
    try {
      n = convert(v, NUMBER);
    } catch (e) {
      if (e instanceof ConversionError)
        return fail(`a number is required, but a ${friendlyName(v.t)} was given`);
      throw e;
    }
    const num = n.v as BigNum;
    if (!num.isInteger()) return fail(`the value ${num.toString()} is not a whole number`);
    if (num.neg && !num.isZero) return fail(`the value ${num.toString()} is negative`);
    if (num.toBigInt() > BigInt(MAX_INSTANCES_PER_RESOURCE)) {
      return fail(
        `the value ${num.toString()} is above the limit of ${MAX_INSTANCES_PER_RESOURCE} instances per resource`,
      );
    }
    const total = Number(num.toBigInt());
    const keys: InstanceKey[] = [];
    for (let i = 0; i < total; i++) keys.push(new CountKey(i));
    return { mode: 'count', keys, deps: r.deps };
  }
  if (forEach) {
    const r = m.collect(() => m.evalReported(forEach.expr, m.ctx, address, 'for_each'));
    const v = r.value;
    const fail = (problem: string): Expansion => {
      m.shared.diags.push({ ...E.invalidForEach(forEach.expr.range, problem), address });
      return { mode: 'for_each', keys: [], deps: r.deps };
    };
    const unknownKeys = (): Expansion => ({
      mode: 'for_each',
      keys: [],
      deps: r.deps,
      unknown: { key: ANY_KEY, symbols: each(unknownOf(STRING), DYNAMIC_UNKNOWN) },
    });
    if (v.v === UNKNOWN) {
      if (m.shared.validateOnly) return unknownKeys();
      return v.t.k === 'dynamic' && r.deps.size === 0
        ? { mode: 'for_each', keys: [], deps: r.deps }
        : fail('the keys depend on attributes that cannot be determined until apply');
    }
    if (v.v === null) return fail('the given value is null');
    if (v.sens) return fail('the value is sensitive, so it cannot be used as instance keys');
    const keys: InstanceKey[] = [];
    const k = v.t.k;
    if (k === 'map' || k === 'object') {
      for (const [key, e] of v.v as Map<string, Value>) keys.push(new EachKey(key, e));
      return { mode: 'for_each', keys, deps: r.deps };
    }
    if (k === 'set') {
      for (const e of v.v as Value[]) {
        if (e.v === UNKNOWN)
          return m.shared.validateOnly
            ? unknownKeys()
            : fail('the set includes values that cannot be determined until apply');
        if (e.v === null) return fail('the set includes a null value');
        if (e.t.k !== 'string')
          return fail(
            `a set of strings is required, but this set contains ${friendlyName(e.t)} values; convert them with tostring() or toset([for x in … : tostring(x)])`,
          );
        const s = convert(e, STRING).v as string;
        keys.push(new EachKey(s, e));
      }
      return { mode: 'for_each', keys, deps: r.deps };
    }
    return fail(
      `a map, or a set of strings, is required, but a ${friendlyName(v.t)} was given${k === 'tuple' || k === 'list' ? '; convert a list with toset(...)' : ''}`,
    );
  }
  return { mode: 'single', keys: [{ key: undefined, symbols: new Map() }], deps: new Set() };
}

/** The type of `count`: object({index = number}), the same for every instance. */
const COUNT_TYPE = objectOf(new Map([['index', NUMBER]]));

/** count.index of a count that is not known yet (validating only). */
function unknownCountSymbols(): Map<string, Value> {
  return new Map([['count', { t: COUNT_TYPE, v: new Map([['index', unknownOf(NUMBER)]]) }]]);
}

/**
 * The keys of count and for_each build their symbols when asked: a resource of 10,000 instances
 * would otherwise keep 10,000 maps of count.index alive while its instances are evaluated.
 */
class CountKey implements InstanceKey {
  constructor(readonly key: number) {}
  get symbols(): Map<string, Value> {
    return new Map([['count', { t: COUNT_TYPE, v: new Map([['index', int(this.key)]]) }]]);
  }
}

class EachKey implements InstanceKey {
  constructor(
    readonly key: string,
    private readonly value: Value,
  ) {}
  get symbols(): Map<string, Value> {
    return each(str(this.key), this.value);
  }
}

function each(key: Value, value: Value): Map<string, Value> {
  return new Map([
    [
      'each',
      object([
        ['key', key],
        ['value', value],
      ]),
    ],
  ]);
}

export function keySuffix(key: number | string | typeof ANY_KEY | undefined): string {
  if (key === undefined) return '';
  if (key === ANY_KEY) return '[*]';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}
