import type { Diagnostic } from '../../core/diagnostic.js';
import type { Attribute, Block, Body, Expr, ObjectItem } from './ast.js';
import { syntaxError } from './errors.js';
import type { JNode } from './json.js';
import { parseExpression, parseTemplate } from './parser.js';

/** How to read a JSON object as a body: which keys are blocks (Terraform JSON syntax is schema-driven). */
export interface JsonBodySpec {
  blocks: Record<string, BlockSpec>;
  /** Attributes whose string values are expressions, not templates (depends_on, type, ignore_changes). */
  exprAttrs?: ReadonlySet<string>;
  /** Attributes whose JSON value is taken literally (variable default). */
  literalAttrs?: ReadonlySet<string>;
}

export interface BlockSpec {
  labels: number;
  body: JsonBodySpec | ((labels: string[]) => JsonBodySpec);
}

export const EMPTY_SPEC: JsonBodySpec = { blocks: {} };

/** Convert a JSON object node to a body, per Terraform's JSON syntax. */
export function jsonToBody(node: JNode, spec: JsonBodySpec, diags: Diagnostic[]): Body {
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  if (node.k !== 'object') {
    diags.push(
      syntaxError(
        node.range,
        'Invalid JSON body',
        `A block body must be a JSON object, but ${kindName(node)} was given. Write {"name": value, …}.`,
      ),
    );
    return { attributes, blocks, range: node.range, json: true };
  }
  for (const { key, keyRange, value } of node.entries) {
    if (key === '//') continue; // comment
    const bs = spec.blocks[key];
    if (bs) {
      collectBlocks(key, keyRange, value, bs, [], [], blocks, diags);
      continue;
    }
    const mode = spec.literalAttrs?.has(key) ? 'literal' : spec.exprAttrs?.has(key) ? 'expr' : 'template';
    const expr = jsonExpr(value, mode, diags);
    attributes.push({
      name: key,
      expr,
      range: { ...keyRange, endLine: value.range.endLine, endColumn: value.range.endColumn },
      nameRange: keyRange,
    });
  }
  return { attributes, blocks, range: node.range, json: true };
}

function collectBlocks(
  type: string,
  typeRange: JNode['range'],
  node: JNode,
  bs: BlockSpec,
  labels: string[],
  labelRanges: JNode['range'][],
  out: Block[],
  diags: Diagnostic[],
): void {
  if (node.k === 'array') {
    for (const item of node.items) collectBlocks(type, typeRange, item, bs, labels, labelRanges, out, diags);
    return;
  }
  if (labels.length < bs.labels) {
    if (node.k !== 'object') {
      diags.push(
        syntaxError(
          node.range,
          `Invalid JSON for a ${type} block`,
          `Expected a JSON object whose property names are the ${type} block's labels, but ${kindName(node)} was given.`,
        ),
      );
      return;
    }
    for (const e of node.entries) {
      if (e.key === '//') continue;
      collectBlocks(
        type,
        typeRange,
        e.value,
        bs,
        [...labels, e.key],
        [...labelRanges, e.keyRange],
        out,
        diags,
      );
    }
    return;
  }
  const spec = typeof bs.body === 'function' ? bs.body(labels) : bs.body;
  const body = jsonToBody(node, spec, diags);
  out.push({ type, labels, labelRanges, body, range: node.range, typeRange });
}

function kindName(n: JNode): string {
  return n.k === 'array' ? 'an array' : n.k === 'object' ? 'an object' : `a ${n.k}`;
}

/** A JSON value as an expression: strings are templates (or expressions, or literals per mode). */
export function jsonExpr(node: JNode, mode: 'template' | 'expr' | 'literal', diags: Diagnostic[]): Expr {
  const file = node.range.file;
  switch (node.k) {
    case 'string': {
      if (mode === 'literal')
        return {
          t: 'template',
          parts: node.value === '' ? [] : [{ t: 'lit', value: node.value, range: node.range }],
          wrap: false,
          range: node.range,
        };
      const r =
        mode === 'expr'
          ? parseExpression(node.value, file, node.range)
          : parseTemplate(node.value, file, node.range);
      diags.push(...r.diagnostics);
      return r.value ?? { t: 'null', range: node.range };
    }
    case 'number':
      return { t: 'number', text: node.text, range: node.range };
    case 'bool':
      return { t: 'bool', value: node.value, range: node.range };
    case 'null':
      return { t: 'null', range: node.range };
    case 'array':
      return { t: 'tuple', items: node.items.map((i) => jsonExpr(i, mode, diags)), range: node.range };
    case 'object': {
      const items: ObjectItem[] = [];
      for (const e of node.entries) {
        if (e.key === '//' && mode !== 'literal') continue;
        const key: Expr =
          mode === 'literal' || !e.key.includes('${')
            ? {
                t: 'template',
                parts: e.key === '' ? [] : [{ t: 'lit', value: e.key, range: e.keyRange }],
                wrap: false,
                range: e.keyRange,
              }
            : (parseTemplate(e.key, file, e.keyRange).value ?? { t: 'null', range: e.keyRange });
        items.push({ key, keyIsIdent: false, value: jsonExpr(e.value, mode, diags) });
      }
      return { t: 'object', items, range: node.range };
    }
  }
}
