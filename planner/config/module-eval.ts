import type { Attributes } from '../../core/values.js';
import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';
import type { Expr } from '../hcl/ast.js';
import { parseExpression } from '../hcl/parser.js';
import { EvalContext, type FunctionDef, type Resolver } from '../eval/context.js';
import { ConversionError, convert } from '../eval/convert.js';
import { EvalError } from '../eval/errors.js';
import { evaluate } from '../eval/evaluate.js';
import { parseTypeExpr } from '../eval/typeexpr.js';
import { BOOL, DYNAMIC, STRING, type Type, isPrimitive, typeString } from '../eval/types.js';
import {
  type Value,
  DYNAMIC_UNKNOWN,
  UNKNOWN,
  containsSensitive,
  object,
  sensitive,
  str,
  tuple,
} from '../eval/value.js';
import type { DesiredInstance, OutputValue } from './types.js';
import { configErrors as E } from './errors.js';
import type { ModuleDecl, ResourceDecl, VariableDecl } from './model.js';
import { evalResource, type ResourceResult } from './resource-eval.js';
import type { ResourceSchema } from './schema.js';
import { toAttrValue } from './to-json.js';

/** A value supplied for an input variable: an evaluated value, or CLI/env text parsed per the variable's type. */
export interface VarInput {
  value?: Value;
  text?: string;
  range?: SourceRange;
  /** Where a root variable's value came from, for messages: "-var", "TF_VAR_x", "terraform.tfvars:3:1". */
  origin?: string;
  /** Addresses the value depends on (module inputs). */
  deps?: Set<string>;
}

export interface Shared {
  diags: Diagnostic[];
  schemas: ReadonlyMap<string, ResourceSchema>;
  functions: ReadonlyMap<string, FunctionDef>;
  rootDir: string;
  cwd: string;
  /** Names of nodes being evaluated, for cycle detection. */
  stack: string[];
  /** Dependency collectors (addresses referenced by the expression being evaluated). */
  collectors: Set<string>[];
  /** Applied attributes by instance address (LoadOptions.known). */
  known?: ReadonlyMap<string, Attributes>;
}

const PENDING = Symbol('pending');

interface Node {
  value: Value;
  deps: Set<string>;
}

/** Evaluates one module instance lazily: every reference resolves (and is memoised) on first use. */
export class ModuleEvaluator implements Resolver {
  readonly ctx: EvalContext;
  private readonly vars = new Map<string, Node | typeof PENDING>();
  private readonly locals = new Map<string, Node | typeof PENDING>();
  private readonly outputs = new Map<string, Node | typeof PENDING>();
  private readonly resources = new Map<string, ResourceResult | typeof PENDING>();
  private readonly modules = new Map<
    string,
    { value: Value; deps: Set<string>; children: ModuleEvaluator[] } | typeof PENDING
  >();

  constructor(
    readonly decl: ModuleDecl,
    /** Address prefix: "" for the root, "module.x." or `module.x["a"].` for children. */
    readonly prefix: string,
    private readonly inputs: Map<string, VarInput>,
    readonly shared: Shared,
  ) {
    this.ctx = new EvalContext(this, shared.functions, decl.dir);
  }

  // ---- dependency collection -------------------------------------------------------------

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

  /** Evaluate a node once, detecting cycles. */
  private memo<T extends object>(
    map: Map<string, T | typeof PENDING>,
    key: string,
    label: string,
    range: SourceRange,
    fn: () => T,
    onCycle: () => T,
  ): T {
    const got = map.get(key);
    if (got === PENDING) {
      const full = this.prefix + label;
      const i = this.shared.stack.indexOf(full);
      const path = [...this.shared.stack.slice(i), full];
      this.shared.diags.push(E.cycle(range, path));
      const r = onCycle();
      return r;
    }
    if (got !== undefined) return got;
    map.set(key, PENDING);
    this.shared.stack.push(this.prefix + label);
    try {
      const r = fn();
      map.set(key, r);
      return r;
    } finally {
      this.shared.stack.pop();
    }
  }

  private report(e: unknown, address?: string, attribute?: string): void {
    if (!(e instanceof EvalError)) throw e;
    const d = { ...e.diagnostic };
    if (address && !d.address) d.address = address;
    if (attribute && !d.attribute) d.attribute = attribute;
    this.shared.diags.push(d);
  }

  /** Evaluate an expression in this module, reporting errors as diagnostics; unknown on error. */
  evalReported(e: Expr, ctx: EvalContext = this.ctx, address?: string, attribute?: string): Value {
    try {
      return evaluate(e, ctx);
    } catch (err) {
      this.report(err, address, attribute);
      return DYNAMIC_UNKNOWN;
    }
  }

  // ---- Resolver --------------------------------------------------------------------------

  resolve(
    root: string,
    attr: { name: string; range: SourceRange } | undefined,
    range: SourceRange,
  ): { value: Value; consumed: boolean } {
    const need = (what: string): { name: string; range: SourceRange } => {
      if (!attr)
        throw new EvalError(
          E.invalidReference(
            range,
            `Invalid reference`,
            `The "${root}" object must be followed by ${what}, like ${root}.NAME.`,
          ),
        );
      return attr;
    };
    switch (root) {
      case 'var': {
        const a = need('a variable name');
        if (!this.decl.variables.has(a.name))
          throw new EvalError(E.unknownVariable(a.range, a.name, [...this.decl.variables.keys()]));
        const n = this.variable(a.name, a.range);
        this.addDeps(n.deps);
        return { value: n.value, consumed: true };
      }
      case 'local': {
        const a = need('a local value name');
        if (!this.decl.locals.has(a.name))
          throw new EvalError(E.unknownLocal(a.range, a.name, [...this.decl.locals.keys()]));
        const n = this.local(a.name, a.range);
        this.addDeps(n.deps);
        return { value: n.value, consumed: true };
      }
      case 'module': {
        const a = need('a module name');
        if (!this.decl.moduleCalls.has(a.name))
          throw new EvalError(E.unknownModule(a.range, a.name, [...this.decl.moduleCalls.keys()]));
        const m = this.moduleCall(a.name, a.range);
        this.addDeps(m.deps);
        return { value: m.value, consumed: true };
      }
      case 'path':
        return {
          value: object([
            ['module', str(this.decl.dir)],
            ['root', str(this.shared.rootDir)],
            ['cwd', str(this.shared.cwd)],
          ]),
          consumed: false,
        };
      case 'terraform':
        return { value: object([['workspace', str('default')]]), consumed: false };
      case 'count':
        throw new EvalError(
          E.invalidReference(
            range,
            'Reference to "count" in non-counted context',
            'count.index can only be used in a resource or module block that sets count.',
          ),
        );
      case 'each':
        throw new EvalError(
          E.invalidReference(
            range,
            'Reference to "each" in context without for_each',
            'each.key and each.value can only be used in a resource or module block that sets for_each.',
          ),
        );
      case 'self':
        throw new EvalError(
          E.invalidReference(
            range,
            'Invalid "self" reference',
            '"self" can only be used in provisioner and connection blocks, which nssv does not run.',
          ),
        );
      case 'data':
        throw new EvalError(
          E.unsupported(
            range,
            'Data sources',
            'nssv does not read data sources yet; use a variable or a resource reference instead.',
          ),
        );
      default:
        break;
    }
    const isType =
      this.shared.schemas.has(root) || [...this.decl.resources.values()].some((r) => r.type === root);
    if (isType) {
      const a = need('a resource name');
      const key = `${root}.${a.name}`;
      const decl = this.decl.resources.get(key);
      if (!decl) throw new EvalError(E.unknownResource(range, root, a.name, [...this.decl.resources.keys()]));
      const r = this.resource(decl, range);
      this.addDeps([this.prefix + key]);
      return { value: r.value, consumed: true };
    }
    const candidates = [
      'var',
      'local',
      'module',
      'path',
      'count',
      'each',
      'terraform',
      ...new Set([...this.decl.resources.values()].map((r) => r.type)),
    ];
    throw new EvalError(E.unknownRoot(range, root, candidates));
  }

  // ---- variables -------------------------------------------------------------------------

  private varType(v: VariableDecl): Type {
    if (!v.typeExpr) return DYNAMIC;
    try {
      return parseTypeExpr(v.typeExpr, (e) => evaluate(e, this.bareCtx()));
    } catch (e) {
      this.report(e);
      return DYNAMIC;
    }
  }

  /** A context without references, for defaults and literal-only expressions. */
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

  variable(name: string, range: SourceRange): Node {
    const decl = this.decl.variables.get(name)!;
    return this.memo(
      this.vars,
      name,
      `var.${name}`,
      range,
      () => this.computeVariable(decl),
      () => ({ value: DYNAMIC_UNKNOWN, deps: new Set() }),
    );
  }

  private computeVariable(decl: VariableDecl): Node {
    const type = this.varType(decl);
    const input = this.inputs.get(decl.name);
    const deps = input?.deps ?? new Set<string>();
    let value: Value | undefined;
    let where = input?.range ?? decl.range;
    let origin = input?.origin;
    if (input?.value) value = input.value;
    else if (input?.text !== undefined) {
      if (!decl.typeExpr || isPrimitive(type)) value = str(input.text);
      else {
        const r = parseExpression(input.text, `<value for var.${decl.name}>`, input.range ?? decl.range);
        if (!r.value) {
          const from = input.origin
            ? ` The value given from ${input.origin} was ${this.shownInput(decl, input)}.`
            : '';
          for (const d of r.diagnostics)
            this.shared.diags.push({
              ...d,
              summary: `Invalid value for variable "${decl.name}": ${d.summary}`,
              ...(from ? { detail: `${d.detail ?? ''}${from}` } : {}),
            });
          return { value: DYNAMIC_UNKNOWN, deps };
        }
        value = this.evalReported(r.value, this.bareCtx());
      }
    }
    const defaultValue = (): Value | undefined =>
      decl.default ? this.evalReported(decl.default, this.bareCtx()) : undefined;
    if (value === undefined) {
      value = defaultValue();
      if (decl.default) where = decl.default.range;
      origin = undefined;
      if (value === undefined) {
        this.shared.diags.push(E.missingVariable(decl.range, decl.name));
        return { value: DYNAMIC_UNKNOWN, deps };
      }
    }
    if (value.v === null && !decl.nullable) {
      const d = defaultValue();
      if (d && d.v !== null) value = d;
      else {
        this.shared.diags.push(E.nullVariable(where, decl.name, origin));
        return { value: DYNAMIC_UNKNOWN, deps };
      }
    }
    try {
      value = convert(value, type);
    } catch (e) {
      if (!(e instanceof ConversionError)) throw e;
      const given = origin && input ? { shown: this.shownInput(decl, input), origin } : undefined;
      this.shared.diags.push(
        E.invalidVariableValue(
          where,
          decl.name,
          e.describe(),
          decl.typeExpr ? typeString(type) : 'any',
          given,
        ),
      );
      return { value: DYNAMIC_UNKNOWN, deps };
    }
    if (decl.sensitive) value = sensitive(value);
    const node = { value, deps };
    this.vars.set(decl.name, node); // validations may refer to var.NAME
    for (const val of decl.validations) {
      const c = this.evalReported(val.condition, this.ctx, undefined, undefined);
      if (c.v === UNKNOWN || c.t.k === 'dynamic') continue;
      let ok: Value;
      try {
        ok = convert(c, BOOL);
      } catch {
        this.shared.diags.push(
          E.invalidReference(
            val.condition.range,
            'Invalid validation condition',
            'The condition must be a bool (true or false).',
          ),
        );
        continue;
      }
      if (ok.v === false) {
        const m = this.evalReported(val.errorMessage, this.ctx);
        let msg = 'The value is not valid.';
        if (typeof m.v === 'string') msg = m.sens ? '(sensitive error message)' : m.v;
        this.shared.diags.push(E.validationFailed(val.range, decl.name, msg));
      }
    }
    return node;
  }

  /** A root variable's value as given, for messages: JSON, shortened; never a sensitive value. */
  private shownInput(decl: VariableDecl, input: VarInput): string {
    if (decl.sensitive || input.value?.sens) return '(sensitive value)';
    const json =
      input.text !== undefined
        ? JSON.stringify(input.text)
        : input.value
          ? JSON.stringify(toAttrValue(input.value, '', undefined))
          : 'null';
    return json.length > 80 ? json.slice(0, 77) + '…' : json;
  }

  // ---- locals ----------------------------------------------------------------------------

  local(name: string, range: SourceRange): Node {
    const decl = this.decl.locals.get(name)!;
    return this.memo(
      this.locals,
      name,
      `local.${name}`,
      range,
      () => this.collect(() => this.evalReported(decl.expr)),
      () => ({ value: DYNAMIC_UNKNOWN, deps: new Set() }),
    );
  }

  // ---- resources -------------------------------------------------------------------------

  resource(decl: ResourceDecl, range: SourceRange): ResourceResult {
    const key = `${decl.type}.${decl.name}`;
    return this.memo(
      this.resources,
      key,
      key,
      range,
      () => evalResource(this, decl),
      () => ({ value: DYNAMIC_UNKNOWN, instances: [] }),
    );
  }

  /** Static addresses named by depends_on expressions. */
  dependsOnAddresses(exprs: Expr[]): string[] {
    const out: string[] = [];
    for (const e of exprs) {
      let cur: Expr = e;
      const steps: string[] = [];
      while (cur.t === 'getattr' || cur.t === 'index') {
        if (cur.t === 'getattr') steps.unshift(cur.name);
        cur = cur.obj;
      }
      if (cur.t !== 'var') {
        this.shared.diags.push(
          E.invalidReference(
            e.range,
            'Invalid depends_on reference',
            'depends_on takes references to resources or modules, like [nssv_vm.web, module.net].',
          ),
        );
        continue;
      }
      if (cur.name === 'module' && steps[0]) {
        const call = this.decl.moduleCalls.get(steps[0]);
        if (!call) {
          this.shared.diags.push(E.unknownModule(e.range, steps[0], [...this.decl.moduleCalls.keys()]));
          continue;
        }
        const m = this.moduleCall(steps[0], e.range);
        for (const c of m.children) out.push(...c.allInstances().map((i) => i.address));
        continue;
      }
      if (steps[0] && this.decl.resources.has(`${cur.name}.${steps[0]}`)) {
        out.push(`${this.prefix}${cur.name}.${steps[0]}`);
        continue;
      }
      if (cur.name === 'var' || cur.name === 'local') continue;
      this.shared.diags.push(
        E.unknownResource(e.range, cur.name, steps[0] ?? '', [...this.decl.resources.keys()]),
      );
    }
    return out;
  }

  // ---- modules ---------------------------------------------------------------------------

  moduleCall(
    name: string,
    range: SourceRange,
  ): { value: Value; deps: Set<string>; children: ModuleEvaluator[] } {
    return this.memo(
      this.modules,
      name,
      `module.${name}`,
      range,
      () => evalModuleCall(this, name),
      () => ({ value: DYNAMIC_UNKNOWN, deps: new Set(), children: [] }),
    );
  }

  // ---- outputs ---------------------------------------------------------------------------

  output(name: string): Node {
    const decl = this.decl.outputs.get(name)!;
    return this.memo(
      this.outputs,
      name,
      `output.${name}`,
      decl.range,
      () => {
        const r = this.collect(() => (decl.value ? this.evalReported(decl.value) : DYNAMIC_UNKNOWN));
        for (const a of this.dependsOnAddresses(decl.dependsOn)) r.deps.add(a);
        if (!decl.sensitive && containsSensitive(r.value) && decl.value) {
          this.shared.diags.push(
            E.invalidReference(
              decl.value.range,
              'Output refers to sensitive values',
              `The output "${name}" would show a sensitive value. Add sensitive = true to the output block, or wrap the value in nonsensitive() if you are sure it is safe to show.`,
            ),
          );
        }
        return r;
      },
      () => ({ value: DYNAMIC_UNKNOWN, deps: new Set() }),
    );
  }

  /** Object of all outputs, as module.NAME evaluates to. */
  outputsValue(): { value: Value; deps: Set<string> } {
    const deps = new Set<string>();
    const entries: Array<[string, Value]> = [];
    for (const name of this.decl.outputs.keys()) {
      const n = this.output(name);
      for (const d of n.deps) deps.add(d);
      const decl = this.decl.outputs.get(name)!;
      entries.push([name, decl.sensitive ? sensitive(n.value) : n.value]);
    }
    return { value: object(entries), deps };
  }

  // ---- whole module ----------------------------------------------------------------------

  /** Evaluate everything declared (variables, locals, resources, outputs, child modules). */
  run(): void {
    for (const v of this.decl.variables.values()) this.variable(v.name, v.range);
    for (const l of this.decl.locals.values()) this.local(l.name, l.range);
    for (const r of this.decl.resources.values()) this.resource(r, r.range);
    for (const m of this.decl.moduleCalls.values()) this.moduleCall(m.name, m.range);
    for (const o of this.decl.outputs.keys()) this.output(o);
  }

  /** Instances of this module and its children, in declaration order. */
  allInstances(): DesiredInstance[] {
    const out: DesiredInstance[] = [];
    for (const r of this.decl.resources.values()) {
      const res = this.resources.get(`${r.type}.${r.name}`);
      if (res && res !== PENDING) out.push(...res.instances);
    }
    for (const m of this.decl.moduleCalls.values()) {
      const mc = this.modules.get(m.name);
      if (mc && mc !== PENDING) for (const c of mc.children) out.push(...c.allInstances());
    }
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

import { evalModuleCall } from './module-call.js';
export { tuple, STRING };
