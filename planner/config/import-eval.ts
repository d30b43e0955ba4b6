import type { Diagnostic } from '../../core/diagnostic.js';
import type { EvalContext } from '../eval/context.js';
import type { Expr } from '../hcl/ast.js';
import { UNKNOWN, type Value } from '../eval/value.js';
import type { BigNum } from '../eval/number.js';
import { configErrors as E } from './errors.js';
import { expand, keySuffix } from './expansion.js';
import type { ImportDecl, ModuleDecl } from './model.js';
import type { ModuleScope } from './module-scope.js';
import type { ImportTarget } from './types.js';

export type { ImportTarget } from './types.js';

const IDENT = /^[a-zA-Z_][\w-]*$/;

function keyOf(v: Value): string | number | undefined {
  if (v.v === UNKNOWN || v.v === null) return undefined;
  if (typeof v.v === 'string') return v.v;
  if (v.t.k === 'number') {
    const n = v.v as BigNum;
    return n.isInteger() && !n.neg ? Number(n.toBigInt()) : undefined;
  }
  return undefined;
}

/** `to`: a static address, whose instance keys may be expressions (each.key). */
function addressOf(e: Expr, ev: ModuleScope, ctx: EvalContext): string {
  switch (e.t) {
    case 'var':
      return e.name;
    case 'getattr': {
      const o = addressOf(e.obj, ev, ctx);
      return `${o}.${e.name}`;
    }
    case 'index': {
      const o = addressOf(e.obj, ev, ctx);
      const k = keyOf(ev.evalReported(e.key, ctx));
      if (k === undefined)
        throw E.importTo(e.key.range, 'the instance key must be a known string or whole number');
      return o + keySuffix(k);
    }
    case 'template':
      if (e.parts.every((p) => p.t === 'lit'))
        return e.parts.map((p) => (p as { value: string }).value).join('');
      throw E.importTo(e.range, 'it must be a resource address, not a string template');
    default:
      throw E.importTo(e.range, 'it must be a resource address, like nssv_vm.web');
  }
}

const RESOURCE =
  /^(module\.[a-zA-Z_][\w-]*(\[(\d+|"(?:[^"\\]|\\.)*")\])?\.)*[a-z][a-z0-9_]*\.[a-zA-Z_][\w-]*(\[(\d+|"(?:[^"\\]|\\.)*")\])?$/;

function one(
  d: ImportDecl,
  ev: ModuleScope,
  ctx: EvalContext,
  diags: Diagnostic[],
): ImportTarget | undefined {
  let to: string;
  try {
    to = addressOf(d.to, ev, ctx);
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e) {
      diags.push(e as Diagnostic);
      return undefined;
    }
    throw e;
  }
  if (!RESOURCE.test(to) || !IDENT.test(to.split('.').slice(-1)[0]!.replace(/\[.*$/, ''))) {
    diags.push(E.importTo(d.to.range, `${to} is not a resource instance address`));
    return undefined;
  }
  const id = ev.evalReported(d.id, ctx);
  if (id.v === UNKNOWN) {
    diags.push(
      E.importId(d.id.range, 'the value depends on attributes that cannot be determined until apply'),
    );
    return undefined;
  }
  if (typeof id.v !== 'string' || id.v === '') {
    diags.push(E.importId(d.id.range, 'a non-empty string is required'));
    return undefined;
  }
  return { to, id: id.v, range: d.range };
}

/** The root module's import blocks, for_each expanded, each `to` at most once. */
export function evaluateImports(root: ModuleDecl, ev: ModuleScope, diags: Diagnostic[]): ImportTarget[] {
  const out: ImportTarget[] = [];
  for (const d of root.imports ?? []) {
    const exp = d.forEach ? expand(ev, undefined, d.forEach, 'import') : undefined;
    const keys = exp ? exp.keys : [{ key: undefined, symbols: new Map<string, Value>() }];
    for (const k of keys) {
      const t = one(d, ev, ev.ctx.child(k.symbols), diags);
      if (!t) continue;
      const dup = out.find((x) => x.to === t.to);
      if (dup) {
        diags.push(E.importTo(d.range, `${t.to} is the target of two import blocks`));
        continue;
      }
      out.push(t);
    }
  }
  return out;
}

/** import blocks below the root module are refused, as Terraform does. */
export function childModuleImports(root: ModuleDecl): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (m: ModuleDecl, path: string): void => {
    for (const call of m.moduleCalls.values()) {
      if (!call.module) continue;
      const p = `${path}module.${call.name}`;
      for (const d of call.module.imports ?? []) out.push(E.importInChildModule(d.range, p));
      walk(call.module, p + '.');
    }
  };
  walk(root, '');
  return out;
}
