import type { SourceRange } from '../../core/diagnostic.js';
import type { Attribute, Block, Body, Expr } from '../hcl/ast.js';
import type { MovedDecl, RemovedDecl } from './refactor-decls.js';

/** A configuration directory after parsing and decoding, before evaluation. */
export interface ModuleDecl {
  dir: string;
  variables: Map<string, VariableDecl>;
  locals: Map<string, LocalDecl>;
  outputs: Map<string, OutputDecl>;
  /** Keyed by "TYPE.NAME", in declaration order. */
  resources: Map<string, ResourceDecl>;
  moduleCalls: Map<string, ModuleCallDecl>;
  /** terraform { backend "pg" { … } } and terraform { encryption { … } }, evaluated by the loader. */
  backendBlock?: Block;
  encryptionBlock?: Block;
  /** moved and removed blocks, in declaration order; addresses relative to the module (see ModuleEvaluator.allRefactors). */
  moved?: MovedDecl[];
  removed?: RemovedDecl[];
  /** import blocks (root module only). */
  imports?: ImportDecl[];
  /** data blocks, keyed by "TYPE.NAME", in declaration order (read before planning: data-eval.ts). */
  dataSources?: Map<string, DataDecl>;
}

/** data "TYPE" "NAME" { … }: its arguments are evaluated by the loader, its value read from the hosts. */
export interface DataDecl {
  type: string;
  name: string;
  range: SourceRange;
  typeRange: SourceRange;
  nameRange: SourceRange;
  attributes: Attribute[];
}

/** An import block (to = ADDRESS, id = "NAME", optional for_each): evaluated by the loader (import-eval.ts). */
export interface ImportDecl {
  to: Expr;
  id: Expr;
  forEach?: Attribute;
  range: SourceRange;
}

export interface VariableDecl {
  name: string;
  range: SourceRange;
  typeExpr?: Expr;
  default?: Expr;
  description?: string;
  sensitive: boolean;
  nullable: boolean;
  validations: ConditionDecl[];
}

/** A validation, precondition or postcondition block: a bool condition and the message when false. */
export interface ConditionDecl {
  condition: Expr;
  errorMessage: Expr;
  /** The condition attribute. */
  range: SourceRange;
}

export interface LocalDecl {
  name: string;
  expr: Expr;
  range: SourceRange;
}

export interface OutputDecl {
  name: string;
  value?: Expr;
  sensitive: boolean;
  description?: string;
  dependsOn: Expr[];
  range: SourceRange;
  /** Checked when nssv plans (see conditions.ts). */
  preconditions?: ConditionDecl[];
}

export interface LifecycleDecl {
  createBeforeDestroy?: Expr;
  preventDestroy?: Expr;
  ignoreChanges?: Expr;
  replaceTriggeredBy?: Expr;
  /** Checked for each instance when nssv plans (see conditions.ts). */
  preconditions?: ConditionDecl[];
}

export interface ResourceDecl {
  type: string;
  name: string;
  range: SourceRange;
  typeRange: SourceRange;
  nameRange: SourceRange;
  count?: Attribute;
  forEach?: Attribute;
  dependsOn: Expr[];
  lifecycle: LifecycleDecl;
  /** Ordinary attributes (meta-arguments removed). */
  attributes: Attribute[];
  /** Nested blocks, including `dynamic` blocks (meta blocks removed). */
  blocks: Block[];
  body: Body;
}

export interface ModuleCallDecl {
  name: string;
  source: string;
  sourceRange: SourceRange;
  range: SourceRange;
  count?: Attribute;
  forEach?: Attribute;
  dependsOn: Expr[];
  inputs: Attribute[];
  /** Filled in by the loader: the child module, or undefined if it could not be read. */
  module?: ModuleDecl;
}
