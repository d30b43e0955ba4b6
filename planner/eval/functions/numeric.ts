import { BigNum } from '../number.js';
import { NUMBER, STRING } from '../types.js';
import { num } from '../value.js';
import { intArg, n, s } from './helpers.js';
import { def, p, type FunctionTable } from './registry.js';

const N = (name: string) => p(name, NUMBER);

/** Numeric functions. pow/log use float64 like Terraform. */
export function numericFunctions(): FunctionTable {
  const t: FunctionTable = new Map();
  t.set(
    'abs',
    def([N('num')], ([a]) => num(n(a!).abs())),
  );
  t.set(
    'ceil',
    def([N('num')], ([a]) => num(n(a!).inf ? n(a!) : BigNum.fromBigInt(n(a!).ceil().toBigInt()))),
  );
  t.set(
    'floor',
    def([N('num')], ([a]) => num(n(a!).inf ? n(a!) : BigNum.fromBigInt(n(a!).floor().toBigInt()))),
  );
  t.set(
    'signum',
    def([N('num')], ([a]) => num(BigNum.fromInt(n(a!).isZero ? 0 : n(a!).neg ? -1 : 1))),
  );
  t.set(
    'pow',
    def([N('num'), N('power')], ([a, b]) =>
      num(BigNum.fromFloat64(Math.pow(n(a!).toFloat64(), n(b!).toFloat64()))),
    ),
  );
  t.set(
    'log',
    def([N('num'), N('base')], ([a, b]) =>
      num(BigNum.fromFloat64(Math.log(n(a!).toFloat64()) / Math.log(n(b!).toFloat64()))),
    ),
  );
  const minmax = (isMax: boolean) =>
    def(
      [],
      (args) => {
        if (args.length === 0) throw new Error('must pass at least one number');
        let best = n(args[0]!);
        for (const a of args.slice(1)) {
          const c = n(a).cmp(best);
          if (isMax ? c > 0 : c < 0) best = n(a);
        }
        return num(best);
      },
      N('numbers'),
    );
  t.set('min', minmax(false));
  t.set('max', minmax(true));
  t.set(
    'parseint',
    def([p('number', STRING), N('base')], ([a, b]) => {
      const base = intArg(b!, 'base');
      if (base < 2 || base > 62) throw new Error(`invalid base ${base}; must be between 2 and 62 inclusive`);
      const str = s(a!);
      const digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
      const m = /^([+-]?)(.+)$/.exec(str);
      if (!m) throw new Error(`cannot parse ${JSON.stringify(str)} as a base ${base} integer`);
      let acc = 0n;
      for (const ch of m[2]!) {
        let d = digits.indexOf(base <= 36 ? ch.toLowerCase() : ch);
        if (base <= 36 && d >= 36) d = -1;
        if (d < 0 || d >= base)
          throw new Error(`cannot parse ${JSON.stringify(str)} as a base ${base} integer`);
        acc = acc * BigInt(base) + BigInt(d);
      }
      return num(BigNum.fromBigInt(m[1] === '-' ? -acc : acc));
    }),
  );
  return t;
}
