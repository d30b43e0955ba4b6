import type { SourceRange } from '../../core/diagnostic.js';
import type { Expr } from '../hcl/ast.js';
import { ConversionError, convert } from '../eval/convert.js';
import { EvalError } from '../eval/errors.js';
import { BOOL } from '../eval/types.js';
import { type Value, DYNAMIC_UNKNOWN, UNKNOWN, object, tuple } from '../eval/value.js';
import { evalBody } from './body-eval.js';
import { configErrors as E } from './errors.js';
import { expand, keySuffix } from './expansion.js';
import type { ResourceDecl } from './model.js';
import type { ModuleScope } from './module-scope.js';
import { referenceValue } from './reference-value.js';
import { toAttrValue } from './to-json.js';
import type { DesiredInstance, Lifecycle } from './types.js';
import { foreignResourceType } from './foreignResource.js';

export interface ResourceResult {
  /**
   * The value of TYPE.NAME for references (object, tuple for count, object for for_each). Built
   * on first read: most resources (VMs, say) are never referenced, and building the value of
   * 10,000 instances costs as much as evaluating them.
   */
  readonly value: Value;
  instances: DesiredInstance[];
}

/** Expand and evaluate a resource block into its instances. */
export function evalResource(m: ModuleScope, decl: ResourceDecl): ResourceResult {
  const resourceAddress = `${m.prefix}${decl.type}.${decl.name}`;
  const schema = m.shared.schemas.get(decl.type);
  if (!schema)
    m.shared.diags.push(
      foreignResourceType(decl.typeRange, resourceAddress, decl.type) ?? {
        ...E.unknownResourceType(decl.typeRange, decl.type, [...m.shared.schemas.keys()].sort()),
        address: resourceAddress,
      },
    );
  const exp = expand(m, decl.count, decl.forEach, resourceAddress);
  const explicit = m.dependsOnAddresses(decl.dependsOn);
  const lifecycle = evalLifecycle(m, decl, resourceAddress);
  const instances: DesiredInstance[] = [];
  const refs: Array<[string | number | undefined, () => Value]> = [];
  for (const k of exp.keys) {
    const address = resourceAddress + keySuffix(k.key);
    const ctx = k.symbols.size ? m.ctx.child(k.symbols) : m.ctx;
    const ranges: Record<string, SourceRange> = {};
    const sink = {
      ranges,
      error: (e: EvalError, path: string) =>
        m.shared.diags.push({ ...e.diagnostic, address, attribute: path }),
      diag: (d: import('../../core/diagnostic.js').Diagnostic) => m.shared.diags.push({ ...d, address }),
    };
    const r = m.collect(() =>
      evalBody(
        decl.attributes,
        decl.blocks,
        schema?.props,
        ctx,
        '',
        sink,
        `in a resource of type ${decl.type}`,
      ),
    );
    const deps = new Set<string>([...exp.deps, ...r.deps, ...explicit]);
    deps.delete(resourceAddress);
    const sensitivePaths: string[] = [];
    const attributes: DesiredInstance['attributes'] = {};
    for (const [name, v] of r.value) attributes[name] = toAttrValue(v, name, sensitivePaths);
    instances.push({
      address,
      resourceAddress,
      type: decl.type,
      attributes,
      dependsOn: [...deps].sort(),
      lifecycle,
      range: decl.range,
      attributeRanges: ranges,
      sensitivePaths,
    });
    const known = m.shared.known?.get(address);
    refs.push([k.key, () => referenceValue(schema, r.value, known)]);
  }
  let value: Value | undefined;
  const build = (): Value => {
    if (exp.mode === 'single') return refs[0]?.[1]() ?? DYNAMIC_UNKNOWN;
    if (exp.mode === 'count') return tuple(refs.map((r) => r[1]()));
    return object(refs.map(([k, v]) => [String(k), v()]));
  };
  return {
    get value(): Value {
      return (value ??= build());
    },
    instances,
  };
}

function evalLifecycle(m: ModuleScope, decl: ResourceDecl, address: string): Lifecycle {
  const l = decl.lifecycle;
  const flag = (e: Expr | undefined, name: string): boolean => {
    if (!e) return false;
    const v = m.evalReported(e, m.bareCtx(), address, `lifecycle.${name}`);
    if (v.v === UNKNOWN) return false;
    try {
      return convert(v, BOOL).v === true;
    } catch (err) {
      if (!(err instanceof ConversionError)) throw err;
      m.shared.diags.push({
        ...E.invalidReference(
          e.range,
          `Invalid lifecycle.${name}`,
          `lifecycle.${name} must be true or false.`,
        ),
        address,
      });
      return false;
    }
  };
  const traversals = (e: Expr | undefined, name: string): string[] | 'all' => {
    if (!e) return [];
    if (e.t === 'var' && e.name === 'all') return 'all';
    if (
      e.t === 'template' &&
      e.parts.length === 1 &&
      e.parts[0]!.t === 'lit' &&
      (e.parts[0] as { value: string }).value === 'all'
    )
      return 'all';
    const items = e.t === 'tuple' ? e.items : [e];
    const out: string[] = [];
    for (const it of items) {
      const s = traversalText(it);
      if (s === undefined)
        m.shared.diags.push({
          ...E.invalidReference(
            it.range,
            `Invalid lifecycle.${name} entry`,
            `Each entry must be an attribute reference, like ${name === 'ignore_changes' ? 'memory_mib or disk[0].volume_id' : 'nssv_volume.data.id'}.`,
          ),
          address,
        });
      else out.push(s);
    }
    return out;
  };
  const ignore = traversals(l.ignoreChanges, 'ignore_changes');
  const rtb = traversals(l.replaceTriggeredBy, 'replace_triggered_by');
  return {
    createBeforeDestroy: flag(l.createBeforeDestroy, 'create_before_destroy'),
    preventDestroy: flag(l.preventDestroy, 'prevent_destroy'),
    ignoreChanges: ignore,
    replaceTriggeredBy: rtb === 'all' ? [] : rtb,
  };
}

/** The text of a static traversal: a.b[0].c, a["k"]. */
export function traversalText(e: Expr): string | undefined {
  switch (e.t) {
    case 'var':
      return e.name;
    case 'getattr': {
      const o = traversalText(e.obj);
      return o === undefined ? undefined : `${o}.${e.name}`;
    }
    case 'index': {
      const o = traversalText(e.obj);
      if (o === undefined) return undefined;
      if (e.key.t === 'number') return `${o}[${e.key.text}]`;
      if (e.key.t === 'template' && e.key.parts.every((p) => p.t === 'lit'))
        return `${o}[${JSON.stringify(e.key.parts.map((p) => (p as { value: string }).value).join(''))}]`;
      return undefined;
    }
    case 'template':
      if (e.parts.length === 1 && e.parts[0]!.t === 'lit') return (e.parts[0] as { value: string }).value;
      if (e.wrap && e.parts[0]!.t === 'interp') return traversalText((e.parts[0] as { expr: Expr }).expr);
      return undefined;
    default:
      return undefined;
  }
}

export { EvalError };
