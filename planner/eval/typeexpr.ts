import type { Expr } from '../hcl/ast.js';
import type { EvalContext } from './context.js';
import { fail, suggestion } from './errors.js';
import { BOOL, DYNAMIC, NUMBER, STRING, type Type, listOf, mapOf, setOf, tupleOf } from './types.js';
import type { Value } from './value.js';

const CODE = 'NSSV_CONFIG_INVALID_TYPE';
const KEYWORDS = ['string', 'number', 'bool', 'any', 'list', 'map', 'set', 'object', 'tuple', 'optional'];

/**
 * Parse a type constraint expression: string, list(number), object({a = string, b = optional(number, 1)}).
 * Defaults of optional attributes are evaluated with `evalDefault`.
 */
export function parseTypeExpr(e: Expr, evalDefault: (e: Expr) => Value, inObject = false): Type {
  if (e.t === 'var') {
    switch (e.name) {
      case 'string':
        return STRING;
      case 'number':
        return NUMBER;
      case 'bool':
        return BOOL;
      case 'any':
        return DYNAMIC;
      case 'list':
      case 'map':
      case 'set':
        fail(
          CODE,
          e.range,
          'Invalid type specification',
          `The ${e.name} type constructor requires one argument specifying the element type, like ${e.name}(string).`,
        );
        break;
      default:
        fail(
          CODE,
          e.range,
          'Invalid type specification',
          `The keyword "${e.name}" is not a valid type specification.${suggestion(e.name, KEYWORDS)} Allowed: string, number, bool, any, list(…), map(…), set(…), object({…}), tuple([…]).`,
        );
    }
  }
  if (e.t === 'template' && e.parts.length === 1 && e.parts[0]!.t === 'lit') {
    fail(
      CODE,
      e.range,
      'Invalid type specification',
      `A type specification is a keyword, not a string: write type = ${(e.parts[0] as { value: string }).value} without quotes.`,
    );
  }
  if (e.t === 'call') {
    const one = (): Expr => {
      if (e.args.length !== 1)
        fail(
          CODE,
          e.range,
          'Invalid type specification',
          `The ${e.name} type constructor requires exactly one argument.`,
        );
      return e.args[0]!;
    };
    switch (e.name) {
      case 'list':
        return listOf(parseTypeExpr(one(), evalDefault));
      case 'set':
        return setOf(parseTypeExpr(one(), evalDefault));
      case 'map':
        return mapOf(parseTypeExpr(one(), evalDefault));
      case 'tuple': {
        const a = one();
        if (a.t !== 'tuple')
          fail(
            CODE,
            a.range,
            'Invalid type specification',
            'The tuple type constructor requires a list of element types, like tuple([string, number]).',
          );
        return tupleOf(a.items.map((i) => parseTypeExpr(i, evalDefault)));
      }
      case 'object': {
        const a = one();
        if (a.t !== 'object')
          fail(
            CODE,
            a.range,
            'Invalid type specification',
            'The object type constructor requires an object of attribute types, like object({ name = string }).',
          );
        const attrs = new Map<string, Type>();
        const optional = new Map<string, Value | null>();
        for (const item of a.items) {
          let name: string;
          if (item.key.t === 'var') name = item.key.name;
          else if (item.key.t === 'template' && item.key.parts.length === 1 && item.key.parts[0]!.t === 'lit')
            name = (item.key.parts[0] as { value: string }).value;
          else
            return fail(
              CODE,
              item.key.range,
              'Invalid type specification',
              'Object type attribute names must be plain names.',
            );
          const v = item.value;
          if (v.t === 'call' && v.name === 'optional') {
            if (v.args.length < 1 || v.args.length > 2)
              fail(
                CODE,
                v.range,
                'Invalid type specification',
                'optional() takes a type and, optionally, a default value: optional(number, 1).',
              );
            const at = parseTypeExpr(v.args[0]!, evalDefault, true);
            attrs.set(name, at);
            optional.set(name, v.args[1] ? evalDefault(v.args[1]) : null);
          } else attrs.set(name, parseTypeExpr(v, evalDefault, true));
        }
        const t: Type = optional.size ? { k: 'object', attrs, optional } : { k: 'object', attrs };
        return t;
      }
      case 'optional':
        return fail(
          CODE,
          e.range,
          'Invalid type specification',
          inObject
            ? 'optional() is only allowed directly as an object attribute type.'
            : 'optional() is only allowed for attributes of object types, like object({ size = optional(number) }).',
        );
      default:
        return fail(
          CODE,
          e.range,
          'Invalid type specification',
          `"${e.name}" is not a type constructor.${suggestion(e.name, KEYWORDS)}`,
        );
    }
  }
  return fail(
    CODE,
    e.range,
    'Invalid type specification',
    'A type specification is a type keyword or constructor: string, number, bool, any, list(…), map(…), set(…), object({…}), tuple([…]).',
  );
}

export type { EvalContext };
