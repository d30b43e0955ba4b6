import type { MovedDecl, RemovedDecl } from './refactor-decls.js';
import type { SourceRange } from '../../core/diagnostic.js';
import type { Expr } from '../hcl/ast.js';
import { EvalContext, type Resolver } from '../eval/context.js';
import { EvalError } from '../eval/errors.js';
import { evaluate } from '../eval/evaluate.js';
import { type Value, DYNAMIC_UNKNOWN, containsSensitive, object, sensitive } from '../eval/value.js';
import { configErrors as E } from './errors.js';
import type { ModuleDecl, ResourceDecl } from './model.js';
import { evalModuleCall } from './module-call.js';
import { dependsOnAddresses } from './module-depends-on.js';
import { MemoTable } from './module-memo.js';
import { computeOutput } from './module-outputs.js';
import { resolveReference } from './module-resolve.js';
import type {
  ModuleCallResult,
  ModuleInstance,
  ModuleScope,
  Node,
  Shared,
  VarInput,
} from './module-scope.js';
import { computeVariable } from './module-variables.js';
import { evalResource, type ResourceResult } from './resource-eval.js';
import { toAttrValue } from './to-json.js';
import type { DataRequest, DesiredInstance, OutputValue } from './types.js';
import { dataRequests } from './data-eval.js';

export type { Shared, VarInput } from './module-scope.js';

const unknownNode = (): Node => ({ value: DYNAMIC_UNKNOWN, deps: new Set() });

/**
 * Evaluates one module instance lazily: every reference resolves (and is memoised) on first use.
 * The blocks' own rules live beside it: variables (module-variables.ts), resources
 * (resource-eval.ts), module calls (module-call.ts), outputs (module-outputs.ts), references
 * (module-resolve.ts), depends_on (module-depends-on.ts).
 */
export class ModuleEvaluator implements Resolver, ModuleScope, ModuleInstance {
  readonly ctx: EvalContext;
  private readonly vars: MemoTable<Node>;
  private readonly locals: MemoTable<Node>;
  private readonly outputs: MemoTable<Node>;
  private readonly resources: MemoTable<ResourceResult>;
  private readonly modules: MemoTable<ModuleCallResult>;

  constructor(
    readonly decl: ModuleDecl,
    /** Address prefix: "" for the root, "module.x." or `module.x["a"].` for children. */
    readonly prefix: string,
    private readonly inputs: Map<string, VarInput>,
    readonly shared: Shared,
  ) {
    this.ctx = new EvalContext(this, shared.functions, decl.dir);
    this.vars = new MemoTable(shared, prefix);
    this.locals = new MemoTable(shared, prefix);
    this.outputs = new MemoTable(shared, prefix);
    this.resources = new MemoTable(shared, prefix);
    this.modules = new MemoTable(shared, prefix);
  }

  // ---- dependency collection and errors --------------------------------------------------

  collect<T>(fn: () => T): { value: T; deps: Set<string> } {
    const set = new Set<string>();
    this.shared.collectors.push(set);
    try {
      return { value: fn(), deps: set };
    } finally {
      this.shared.collectors.pop();
    }
  }

  addDeps(deps: Iterable<string>): void {
    const top = this.shared.collectors[this.shared.collectors.length - 1];
    if (top) for (const d of deps) top.add(d);
  }

  report(e: unknown, address?: string, attribute?: string): void {
    if (!(e instanceof EvalError)) throw e;
    const d = { ...e.diagnostic };
    if (address && !d.address) d.address = address;
    if (attribute && !d.attribute) d.attribute = attribute;
    this.shared.diags.push(d);
  }

  evalReported(e: Expr, ctx: EvalContext = this.ctx, address?: string, attribute?: string): Value {
    try {
      return evaluate(e, ctx);
    } catch (err) {
      this.report(err, address, attribute);
      return DYNAMIC_UNKNOWN;
    }
  }

  bareCtx(): EvalContext {
    const resolver: Resolver = {
      resolve: (root, _attr, range) => {
        throw new EvalError(
          E.invalidReference(
            range,
            'Variables not allowed',
            `References (here "${root}") are not allowed in this place: only literal values and function calls.`,
          ),
        );
      },
    };
    return new EvalContext(resolver, this.shared.functions, this.decl.dir);
  }

  resolve(
    root: string,
    attr: { name: string; range: SourceRange } | undefined,
    range: SourceRange,
  ): { value: Value; consumed: boolean } {
    return resolveReference(this, root, attr, range);
  }

  // ---- the nodes of a module, each evaluated once ----------------------------------------

  variable(name: string, range: SourceRange): Node {
    const decl = this.decl.variables.get(name)!;
    return this.vars.get(
      name,
      `var.${name}`,
      range,
      () => computeVariable(this, decl, this.inputs.get(name), (n) => this.vars.set(name, n)),
      unknownNode,
    );
  }

  local(name: string, range: SourceRange): Node {
    const decl = this.decl.locals.get(name)!;
    return this.locals.get(
      name,
      `local.${name}`,
      range,
      () => this.collect(() => this.evalReported(decl.expr)),
      unknownNode,
    );
  }

  resource(decl: ResourceDecl, range: SourceRange): ResourceResult {
    const key = `${decl.type}.${decl.name}`;
    return this.resources.get(
      key,
      key,
      range,
      () => evalResource(this, decl),
      () => ({ value: DYNAMIC_UNKNOWN, instances: [] }),
    );
  }

  dependsOnAddresses(exprs: Expr[]): string[] {
    return dependsOnAddresses(this, exprs);
  }

  moduleCall(name: string, range: SourceRange): ModuleCallResult {
    return this.modules.get(
      name,
      `module.${name}`,
      range,
      () => evalModuleCall(this, name),
      () => ({ ...unknownNode(), children: [] }),
    );
  }

  childModule(decl: ModuleDecl, prefix: string, inputs: Map<string, VarInput>): ModuleInstance {
    return new ModuleEvaluator(decl, prefix, inputs, this.shared);
  }

  output(name: string): Node {
    const decl = this.decl.outputs.get(name)!;
    return this.outputs.get(name, `output.${name}`, decl.range, () => computeOutput(this, decl), unknownNode);
  }

  // ---- the whole module ------------------------------------------------------------------

  outputsValue(): Node {
    const deps = new Set<string>();
    const entries: Array<[string, Value]> = [];
    for (const decl of this.decl.outputs.values()) {
      const n = this.output(decl.name);
      for (const d of n.deps) deps.add(d);
      entries.push([decl.name, decl.sensitive ? sensitive(n.value) : n.value]);
    }
    return { value: object(entries), deps };
  }

  /** Evaluate everything declared (variables, locals, resources, outputs, child modules). */
  run(): void {
    for (const v of this.decl.variables.values()) this.variable(v.name, v.range);
    for (const l of this.decl.locals.values()) this.local(l.name, l.range);
    for (const r of this.decl.resources.values()) this.resource(r, r.range);
    for (const m of this.decl.moduleCalls.values()) this.moduleCall(m.name, m.range);
    for (const o of this.decl.outputs.keys()) this.output(o);
  }

  allInstances(): DesiredInstance[] {
    const out: DesiredInstance[] = [];
    for (const r of this.decl.resources.values())
      out.push(...(this.resources.done(`${r.type}.${r.name}`)?.instances ?? []));
    for (const m of this.decl.moduleCalls.values())
      for (const c of this.modules.done(m.name)?.children ?? []) out.push(...c.allInstances());
    return out;
  }

  /**
   * moved and removed blocks of this module instance and its children, with their addresses made
   * absolute: as in Terraform, a child module's blocks speak of addresses inside that module, and
   * apply to each of its instances.
   */
  allRefactors(): { moved: MovedDecl[]; removed: RemovedDecl[] } {
    const p = this.prefix;
    const moved = (this.decl.moved ?? []).map((m) => ({ ...m, from: p + m.from, to: p + m.to }));
    const removed = (this.decl.removed ?? []).map((r) => ({ ...r, from: p + r.from }));
    for (const m of this.decl.moduleCalls.values())
      for (const c of this.modules.done(m.name)?.children ?? []) {
        const r = c.allRefactors();
        moved.push(...r.moved);
        removed.push(...r.removed);
      }
    return { moved, removed };
  }

  allDataRequests(): DataRequest[] {
    const out = dataRequests(this);
    for (const m of this.decl.moduleCalls.values())
      for (const c of this.modules.done(m.name)?.children ?? []) out.push(...c.allDataRequests());
    return out;
  }

  outputValues(): OutputValue[] {
    return [...this.decl.outputs.values()].map((o) => {
      const n = this.output(o.name);
      return {
        name: o.name,
        value: toAttrValue(n.value, o.name, undefined),
        sensitive: o.sensitive || containsSensitive(n.value),
      };
    });
  }
}
