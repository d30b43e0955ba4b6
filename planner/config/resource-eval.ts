import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';
import type { Block, Expr } from '../hcl/ast.js';
import { ConversionError, convert } from '../eval/convert.js';
import type { EvalContext } from '../eval/context.js';
import { EvalError } from '../eval/errors.js';
import { BOOL, listOf, mapOf } from '../eval/types.js';
import { type Value, DYNAMIC_UNKNOWN, UNKNOWN, object, tuple, unknownOf } from '../eval/value.js';
import { type BodySink, evalBody } from './body-eval.js';
import { configErrors as E } from './errors.js';
import { type InstanceKey, expand, keySuffix } from './expansion.js';
import type { ResourceDecl } from './model.js';
import type { ModuleScope } from './module-scope.js';
import { referenceValue } from './reference-value.js';
import { referencedRoots } from './referenced-roots.js';
import { InstanceInvariantExprs } from './instance-invariant.js';
import { toAttrValue } from './to-json.js';
import type { DesiredInstance, Lifecycle } from './types.js';
import { foreignResourceType } from './foreignResource.js';
import { checkPreconditions } from './conditions.js';

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
  // The evaluated attributes of each instance, kept for TYPE.NAME only when an expression of the
  // module names TYPE: keeping 10,000 VMs' values alive costs the load a fifth of its time in GC.
  // Otherwise (the console asks later) the instances are evaluated again, silently: the same
  // expressions over the same memoised values give the same values.
  const keepValues = referencedRoots(m.decl).has(decl.type);
  const configured: Array<Map<string, Value> | undefined> = [];
  const invariant = new InstanceInvariantExprs(m);
  /** The context of an instance's expressions: count or each symbols (built on each read) added. */
  const contextOf = (k: InstanceKey): EvalContext => {
    const symbols = k.symbols;
    return symbols.size ? m.ctx.child(symbols) : m.ctx;
  };
  const evalInstance = (ctx: EvalContext, sink: BodySink) =>
    m.collect(() =>
      evalBody(
        decl.attributes,
        decl.blocks,
        schema?.props,
        ctx,
        '',
        sink,
        `in a resource of type ${decl.type}`,
        invariant.evaluate,
      ),
    );
  // Without dynamic blocks every instance sets the same paths from the same places: the later
  // instances write into the first one's ranges (the same values again) instead of a new object.
  const staticRanges = !hasDynamicBlocks(decl.blocks);
  let firstRanges: Record<string, SourceRange> | undefined;
  let lastDeps: { refs: ReadonlySet<string>; dependsOn: string[] } | undefined;
  let shared: Pick<DesiredInstance, 'dependsOn' | 'attributeRanges' | 'sensitivePaths'> | undefined;
  // Validating a block whose count or for_each is unknown: one instance, TYPE.NAME[*], stands for
  // all of them, its keys unknown, so its body is checked as terraform validate checks it.
  const keys = exp.unknown ? [exp.unknown] : exp.keys;
  for (const k of keys) {
    const address = resourceAddress + keySuffix(k.key);
    const ranges: Record<string, SourceRange> = (staticRanges && firstRanges) || {};
    firstRanges ??= ranges;
    const ctx = contextOf(k);
    const r = evalInstance(ctx, new InstanceSink(m.shared.diags, address, ranges));
    checkPreconditions(m, decl.lifecycle.preconditions, ctx, address, address);
    // Instances of a block mostly refer to the same things: the list is worked out once for them.
    if (!lastDeps || !sameSet(lastDeps.refs, r.deps)) {
      const deps = new Set<string>([...exp.deps, ...r.deps, ...explicit]);
      deps.delete(resourceAddress);
      lastDeps = { refs: r.deps, dependsOn: [...deps].sort() };
    }
    const sensitivePaths: string[] = [];
    const attributes: DesiredInstance['attributes'] = {};
    for (const [name, v] of r.value) attributes[name] = toAttrValue(v, name, sensitivePaths);
    // Instances of one block mostly have equal lists and ranges: they share the first's (read-only).
    shared = sharedParts(shared, lastDeps.dependsOn, ranges, sensitivePaths);
    instances.push({
      address,
      resourceAddress,
      type: decl.type,
      attributes,
      dependsOn: shared.dependsOn,
      lifecycle,
      range: decl.range,
      attributeRanges: shared.attributeRanges,
      sensitivePaths: shared.sensitivePaths,
    });
    configured.push(keepValues ? r.value : undefined);
  }
  const silent: BodySink = { ranges: {}, error: () => {}, diag: () => {} };
  const ref = (i: number): Value => {
    const k = keys[i]!;
    const values = configured[i] ?? evalInstance(contextOf(k), silent).value;
    return referenceValue(schema, values, m.shared.known?.get(resourceAddress + keySuffix(k.key)));
  };
  let value: Value | undefined;
  const build = (): Value => {
    // Keys unknown (validating only): a list or map of unknown length whose elements have the type
    // of the one instance checked, so a reference to an attribute the type lacks is still an error.
    if (exp.unknown) return unknownOf(exp.mode === 'count' ? listOf(ref(0).t) : mapOf(ref(0).t));
    if (exp.mode === 'single') return exp.keys.length ? ref(0) : DYNAMIC_UNKNOWN;
    if (exp.mode === 'count') return tuple(exp.keys.map((_k, i) => ref(i)));
    return object(exp.keys.map((k, i) => [String(k.key), ref(i)]));
  };
  return {
    get value(): Value {
      return (value ??= build());
    },
    instances,
  };
}

function hasDynamicBlocks(blocks: readonly Block[]): boolean {
  return blocks.some((b) => b.type === 'dynamic' || hasDynamicBlocks(b.body.blocks));
}

/** Where an instance's problems go: the shared diagnostics, with the instance's address. */
class InstanceSink implements BodySink {
  constructor(
    private readonly diags: Diagnostic[],
    private readonly address: string,
    readonly ranges: Record<string, SourceRange>,
  ) {}
  error(e: EvalError, path: string): void {
    this.diags.push({ ...e.diagnostic, address: this.address, attribute: path });
  }
  diag(d: Diagnostic): void {
    this.diags.push({ ...d, address: this.address });
  }
}

type SharedParts = Pick<DesiredInstance, 'dependsOn' | 'attributeRanges' | 'sensitivePaths'>;

/** These parts, or the previous instance's where they are equal (the same lists, the same ranges). */
function sharedParts(
  prev: SharedParts | undefined,
  dependsOn: string[],
  ranges: Record<string, SourceRange>,
  sensitivePaths: string[],
): SharedParts {
  if (!prev) return { dependsOn, attributeRanges: ranges, sensitivePaths };
  const same = {
    dependsOn: sameStrings(prev.dependsOn, dependsOn) ? prev.dependsOn : dependsOn,
    attributeRanges: sameRanges(prev.attributeRanges, ranges) ? prev.attributeRanges : ranges,
    sensitivePaths: sameStrings(prev.sensitivePaths, sensitivePaths) ? prev.sensitivePaths : sensitivePaths,
  };
  return same.dependsOn === prev.dependsOn &&
    same.attributeRanges === prev.attributeRanges &&
    same.sensitivePaths === prev.sensitivePaths
    ? prev
    : same;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of b) if (!a.has(x)) return false;
  return true;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameRanges(a: Record<string, SourceRange>, b: Record<string, SourceRange>): boolean {
  if (a === b) return true;
  // the same paths in the same order (the order is what readers iterate), each the same range
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i] || a[ka[i]!] !== b[kb[i]!]) return false;
  return true;
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
