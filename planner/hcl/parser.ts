import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';
import type { Attribute, Block, Body, Expr } from './ast.js';
import { Cursor, ParseAbort } from './cursor.js';
import { unclosedBlock } from './errors.js';
import { parseExpr } from './expr-parser.js';
import { lex } from './lexer.js';
import { SourceFile, spanRanges } from './source.js';
import { parseTemplateTokens } from './template-parser.js';

export interface ParseResult<T> {
  value: T;
  diagnostics: Diagnostic[];
}

/** Parse a whole .tf file. Syntax errors are diagnostics; the body holds what could be parsed. */
export function parseHcl(fileName: string, text: string): ParseResult<Body> {
  const src = new SourceFile(fileName, text);
  const diags: Diagnostic[] = [];
  const c = new Cursor(lex(text), src, diags);
  const body = parseBody(c, undefined);
  return { value: body, diagnostics: diags };
}

/** Parse a standalone expression (console input, -var values, JSON strings as expressions). */
export function parseExpression(
  text: string,
  fileName = '<expression>',
  fixedRange?: SourceRange,
): ParseResult<Expr | undefined> {
  const src = fixedRange ? new FixedSource(fileName, text, fixedRange) : new SourceFile(fileName, text);
  const diags: Diagnostic[] = [];
  const c = new Cursor(lex(text), src, diags);
  c.pushNewlines(false);
  try {
    const e = parseExpr(c);
    const t = c.peek();
    if (t.kind !== 'eof')
      c.fail(t, 'the end of the expression', 'Remove the extra text, or join it with an operator.');
    return { value: e, diagnostics: diags };
  } catch (e) {
    if (e instanceof ParseAbort) return { value: undefined, diagnostics: diags };
    throw e;
  }
}

/** Parse a bare template (the text of a JSON string): literal text with ${…} and %{…}. */
export function parseTemplate(
  text: string,
  fileName: string,
  fixedRange?: SourceRange,
): ParseResult<Expr | undefined> {
  const src = fixedRange ? new FixedSource(fileName, text, fixedRange) : new SourceFile(fileName, text);
  const diags: Diagnostic[] = [];
  const c = new Cursor(lex(text, 'template'), src, diags);
  try {
    return { value: parseTemplateTokens(c, parseExpr, true), diagnostics: diags };
  } catch (e) {
    if (e instanceof ParseAbort) return { value: undefined, diagnostics: diags };
    throw e;
  }
}

/** All positions map to one range (used for expressions inside JSON strings). */
class FixedSource extends SourceFile {
  constructor(
    name: string,
    text: string,
    private readonly fixed: SourceRange,
  ) {
    super(name, text);
  }
  override range(): SourceRange {
    return this.fixed;
  }
}

/** The block whose body is being parsed: how to name it, and where its "{" is. */
interface Opener {
  what: string;
  brace: SourceRange;
}

function parseBody(c: Cursor, opener: Opener | undefined): Body {
  const nested = opener !== undefined;
  const startTok = c.peek();
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  for (;;) {
    const t = c.peek();
    if (t.kind === 'nl') {
      c.next();
      continue;
    }
    if (t.kind === 'eof') {
      if (opener) c.diags.push(unclosedBlock(opener, c.range(t)));
      break;
    }
    if (t.kind === 'punct' && t.text === '}' && nested) break;
    try {
      parseItem(c, attributes, blocks);
    } catch (e) {
      if (!(e instanceof ParseAbort)) throw e;
      recover(c);
    }
  }
  const endTok = c.peek();
  return { attributes, blocks, range: c.rangeFrom(startTok.start, endTok.end) };
}

/** Skip to the end of the current line at bracket depth 0, so one error does not cascade. */
function recover(c: Cursor): void {
  let depth = 0;
  for (;;) {
    const t = c.rawPeek();
    if (t.kind === 'eof') return;
    if (t.kind === 'nl' && depth <= 0) return;
    if (t.kind === 'punct' && (t.text === '{' || t.text === '[' || t.text === '(')) depth++;
    if (t.kind === 'punct' && (t.text === '}' || t.text === ']' || t.text === ')')) {
      if (depth === 0) return;
      depth--;
    }
    c.rawNext();
  }
}

function parseItem(c: Cursor, attributes: Attribute[], blocks: Block[]): void {
  const name = c.next();
  if (name.kind !== 'ident') {
    c.fail(
      name,
      'an attribute or block name',
      'Each line of a body is an attribute (name = value) or a block (type "label" { … }).',
    );
  }
  const nameRange = c.range(name);
  const t = c.peek();
  if (t.kind === 'punct' && t.text === '=') {
    c.next();
    c.pushNewlines(false);
    let expr: Expr;
    try {
      expr = parseExprOnLine(c);
    } finally {
      c.popNewlines();
    }
    attributes.push({ name: name.text, expr, range: spanRanges(nameRange, expr.range), nameRange });
    endOfItem(c);
    return;
  }
  const labels: string[] = [];
  const labelRanges: SourceRange[] = [];
  for (;;) {
    const l = c.peek();
    if (l.kind === 'ident') {
      c.next();
      labels.push(l.text);
      labelRanges.push(c.range(l));
      continue;
    }
    if (l.kind === 'oquote') {
      const open = c.next();
      const lit = c.rawNext();
      let value = '';
      let close = lit;
      if (lit.kind === 'lit') {
        value = lit.value!;
        close = c.rawNext();
      }
      if (close.kind !== 'cquote') {
        c.fail(
          close,
          'the closing quote of the block label',
          'Block labels are plain quoted strings without ${…} interpolation.',
        );
      }
      labels.push(value);
      labelRanges.push(c.rangeFrom(open.start, close.end));
      continue;
    }
    break;
  }
  const open = c.peek();
  if (!(open.kind === 'punct' && open.text === '{')) {
    c.fail(
      open,
      labels.length === 0 ? '"=" or a block' : '"{" to open the block',
      labels.length === 0
        ? `Write ${name.text} = value for an attribute, or ${name.text} { … } for a block.`
        : 'A block looks like: resource "nssv_vm" "web" { … }.',
    );
  }
  const brace = c.range(c.next());
  const what = [name.text, ...labels.map((l) => JSON.stringify(l))].join(' ');
  const body = parseBody(c, { what, brace });
  const close = c.peek();
  if (close.kind === 'punct' && close.text === '}') c.next();
  blocks.push({
    type: name.text,
    labels,
    labelRanges,
    body,
    range: spanRanges(nameRange, c.range(close)),
    typeRange: nameRange,
  });
  endOfItem(c);
}

function parseExprOnLine(c: Cursor): Expr {
  // newlines are insignificant only inside brackets; the expression itself ends at a newline
  c.popNewlines();
  c.pushNewlines(true);
  return parseExpr(c);
}

function endOfItem(c: Cursor): void {
  const t = c.peek();
  if (t.kind === 'nl') {
    c.next();
    return;
  }
  if (t.kind === 'eof' || (t.kind === 'punct' && t.text === '}')) return;
  c.fail(t, 'a newline after the attribute or block', 'Put each attribute and block on its own line.');
}
