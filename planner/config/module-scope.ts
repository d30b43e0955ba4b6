import type { MovedDecl, RemovedDecl } from './refactor-decls.js';
import type { Attributes } from '../../core/values.js';
import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';
import type { Expr } from '../hcl/ast.js';
import type { EvalContext, FunctionDef } from '../eval/context.js';
import type { Value } from '../eval/value.js';
import type { ModuleDecl } from './model.js';
import type { ResourceSchema } from './schema.js';
import type { DataRequest, DesiredInstance } from './types.js';

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

/** What every module instance of one configuration shares. */
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
  /** What data blocks read, by address (LoadOptions.dataValues). */
  dataValues?: ReadonlyMap<string, Attributes>;
  /** LoadOptions.validateOnly: unknown count and for_each are allowed (see Expansion.unknown). */
  validateOnly?: boolean;
}

/** An evaluated value and the resource addresses it depends on. */
export interface Node {
  value: Value;
  deps: Set<string>;
}

/** An evaluated module instance, as its parent sees it. */
export interface ModuleInstance {
  run(): void;
  /** Object of all outputs, as module.NAME evaluates to. */
  outputsValue(): Node;
  /** Instances of this module and its children, in declaration order. */
  allInstances(): DesiredInstance[];
  /** moved/removed blocks of this module and its children, addresses made absolute. */
  allRefactors(): { moved: MovedDecl[]; removed: RemovedDecl[] };
  /** data blocks of this module and its children, arguments evaluated. */
  allDataRequests(): DataRequest[];
}

/** The instances of one module call. */
export interface ModuleCallResult extends Node {
  children: ModuleInstance[];
}

/**
 * What the pieces that evaluate one module's blocks (resources, module calls, count/for_each,
 * variables, outputs) see of the module instance they evaluate in.
 */
export interface ModuleScope {
  readonly decl: ModuleDecl;
  /** Address prefix: "" for the root, "module.x." or `module.x["a"].` for children. */
  readonly prefix: string;
  readonly shared: Shared;
  readonly ctx: EvalContext;
  /** Runs `fn`, collecting the addresses its references depend on. */
  collect<T>(fn: () => T): { value: T; deps: Set<string> };
  /** Records an evaluation error as a diagnostic (anything else is rethrown: a bug). */
  report(e: unknown, address?: string, attribute?: string): void;
  /** Evaluate an expression in this module, reporting errors as diagnostics; unknown on error. */
  evalReported(e: Expr, ctx?: EvalContext, address?: string, attribute?: string): Value;
  /** A context without references, for defaults and literal-only expressions. */
  bareCtx(): EvalContext;
  /** Static addresses named by depends_on expressions. */
  dependsOnAddresses(exprs: Expr[]): string[];
  /** A module call's instances, evaluated once. */
  moduleCall(name: string, range: SourceRange): ModuleCallResult;
  /** A new evaluator for one instance of a child module. */
  childModule(decl: ModuleDecl, prefix: string, inputs: Map<string, VarInput>): ModuleInstance;
}
