import type { SourceRange } from '../../core/diagnostic.js';

/** Expressions of the configuration language, with the source range of every node. */
export type Expr =
  | { t: 'number'; text: string; range: SourceRange }
  | { t: 'bool'; value: boolean; range: SourceRange }
  | { t: 'null'; range: SourceRange }
  /** A string template; `wrap` when it is exactly one interpolation ("${x}"), which yields x unconverted. */
  | { t: 'template'; parts: TemplatePart[]; wrap: boolean; range: SourceRange }
  | { t: 'var'; name: string; range: SourceRange }
  | { t: 'getattr'; obj: Expr; name: string; range: SourceRange; nameRange: SourceRange }
  | { t: 'index'; obj: Expr; key: Expr; range: SourceRange }
  /** full splat `[*]` (legacy `.*` when legacy) — `each` is evaluated per element with `anon` bound to it */
  | { t: 'splat'; obj: Expr; each: Expr; legacy: boolean; range: SourceRange }
  | { t: 'anon'; range: SourceRange }
  | { t: 'call'; name: string; args: Expr[]; expand: boolean; range: SourceRange; nameRange: SourceRange }
  | { t: 'cond'; cond: Expr; then: Expr; else: Expr; range: SourceRange }
  | { t: 'binary'; op: BinaryOp; left: Expr; right: Expr; range: SourceRange }
  | { t: 'unary'; op: '!' | '-'; operand: Expr; range: SourceRange }
  | { t: 'tuple'; items: Expr[]; range: SourceRange }
  | { t: 'object'; items: ObjectItem[]; range: SourceRange }
  | {
      t: 'for';
      keyVar?: string;
      valVar: string;
      coll: Expr;
      key?: Expr;
      value: Expr;
      cond?: Expr;
      group: boolean;
      range: SourceRange;
    }
  | { t: 'paren'; expr: Expr; range: SourceRange }
  /** A value already known (used by JSON syntax for literal numbers, and by tests). */
  | { t: 'json'; value: unknown; range: SourceRange };

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '&&' | '||';

export interface ObjectItem {
  key: Expr;
  /** The key was a bare identifier (a literal string, unless it is a variable in parentheses). */
  keyIsIdent: boolean;
  value: Expr;
}

export type TemplatePart =
  | { t: 'lit'; value: string; range: SourceRange }
  | { t: 'interp'; expr: Expr; range: SourceRange }
  | { t: 'if'; cond: Expr; then: TemplatePart[]; else?: TemplatePart[]; range: SourceRange }
  | { t: 'for'; keyVar?: string; valVar: string; coll: Expr; body: TemplatePart[]; range: SourceRange };

export interface Attribute {
  name: string;
  expr: Expr;
  range: SourceRange;
  nameRange: SourceRange;
}

export interface Block {
  type: string;
  labels: string[];
  labelRanges: SourceRange[];
  body: Body;
  range: SourceRange;
  typeRange: SourceRange;
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
  range: SourceRange;
  /** JSON bodies whose nested block structure is only known with a schema (see json-body.ts). */
  json?: boolean;
}
