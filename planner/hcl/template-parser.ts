import type { SourceRange } from '../../core/diagnostic.js';
import type { Expr, TemplatePart } from './ast.js';
import { ParseAbort, type Cursor } from './cursor.js';
import { syntaxError } from './errors.js';
import { spanRanges } from './source.js';

type Item =
  | { k: 'lit'; value: string; range: SourceRange }
  | { k: 'interp'; expr: Expr; stripL: boolean; stripR: boolean; range: SourceRange }
  | {
      k: 'dir';
      word: 'if' | 'else' | 'endif' | 'for' | 'endfor';
      expr?: Expr;
      keyVar?: string;
      valVar?: string;
      stripL: boolean;
      stripR: boolean;
      range: SourceRange;
    };

/** Parse a quoted template or heredoc starting at the cursor's oquote/oheredoc token. */
export function parseTemplateTokens(c: Cursor, parseExpr: (c: Cursor) => Expr, bare = false): Expr {
  const open = bare ? { kind: 'lit', start: 0, end: 0, text: '', flush: false } : c.next();
  const heredoc = open.kind === 'oheredoc';
  const items: Item[] = [];
  let closeEnd = open.end;
  for (;;) {
    const t = c.rawPeek();
    if (t.kind === 'cquote' || t.kind === 'cheredoc' || (bare && t.kind === 'eof')) {
      c.rawNext();
      closeEnd = t.end;
      break;
    }
    if (t.kind === 'lit') {
      c.rawNext();
      items.push({ k: 'lit', value: t.value!, range: c.range(t) });
      continue;
    }
    if (t.kind === 'interp' || t.kind === 'control') {
      c.rawNext();
      c.pushNewlines(false);
      try {
        if (t.kind === 'interp') {
          const expr = parseExpr(c);
          const end = expectEnd(c);
          items.push({
            k: 'interp',
            expr,
            stripL: !!t.strip,
            stripR: !!end.strip,
            range: c.rangeFrom(t.start, end.end),
          });
        } else {
          items.push(parseDirective(c, t, parseExpr));
        }
      } finally {
        c.popNewlines();
      }
      continue;
    }
    c.fail(t, heredoc ? `the closing marker ${open.text} of the heredoc` : 'the closing quote of the string');
  }
  // strip markers act on the adjacent literal tokens first (heredoc literals are one per line); then <<- indentation
  applyStripMarkers(items);
  if (heredoc && open.flush) flushIndentation(items);
  const range = c.rangeFrom(open.start, closeEnd);
  const state = { i: 0 };
  const parts = buildParts(c, items, state, undefined);
  const wrap = parts.length === 1 && parts[0]!.t === 'interp';
  return { t: 'template', parts, wrap, range };
}

function expectEnd(c: Cursor): { end: number; strip?: boolean } {
  const t = c.peek();
  if (t.kind === 'tend') {
    c.next();
    return t;
  }
  return c.fail(t, '"}" to close the template sequence');
}

function parseDirective(
  c: Cursor,
  open: { start: number; end: number; strip?: boolean },
  parseExpr: (c: Cursor) => Expr,
): Item {
  const w = c.next();
  const stripL = !!open.strip;
  if (w.kind === 'ident' && (w.text === 'else' || w.text === 'endif' || w.text === 'endfor')) {
    const end = expectEnd(c);
    return { k: 'dir', word: w.text, stripL, stripR: !!end.strip, range: c.rangeFrom(open.start, end.end) };
  }
  if (w.kind === 'ident' && w.text === 'if') {
    const expr = parseExpr(c);
    const end = expectEnd(c);
    return {
      k: 'dir',
      word: 'if',
      expr,
      stripL,
      stripR: !!end.strip,
      range: c.rangeFrom(open.start, end.end),
    };
  }
  if (w.kind === 'ident' && w.text === 'for') {
    const a = c.next();
    if (a.kind !== 'ident') c.fail(a, 'a variable name after "for"');
    let keyVar: string | undefined;
    let valVar = a.text;
    if (c.isPunct(',')) {
      c.next();
      const b = c.next();
      if (b.kind !== 'ident') c.fail(b, 'a second variable name after ","');
      keyVar = a.text;
      valVar = b.text;
    }
    const inTok = c.next();
    if (inTok.kind !== 'ident' || inTok.text !== 'in')
      c.fail(inTok, '"in"', 'A template for directive looks like: %{ for x in list }…%{ endfor }.');
    const expr = parseExpr(c);
    const end = expectEnd(c);
    const item: Item = {
      k: 'dir',
      word: 'for',
      expr,
      valVar,
      stripL,
      stripR: !!end.strip,
      range: c.rangeFrom(open.start, end.end),
    };
    if (keyVar !== undefined) item.keyVar = keyVar;
    return item;
  }
  return c.fail(
    w,
    'a template directive (if, else, endif, for or endfor)',
    'Write %{ if cond }…%{ endif } or %{ for x in list }…%{ endfor }; write %%{ for a literal "%{".',
  );
}

/** `<<-` heredocs: remove the smallest indentation of the non-blank lines from every line. */
function flushIndentation(items: Item[]): void {
  let min = Infinity;
  let newline = true;
  const adjust: Array<Item & { k: 'lit' }> = [];
  for (const it of items) {
    if (newline) {
      newline = false;
      if (it.k === 'lit') {
        const trimmed = it.value.replace(/^\s+/, '');
        if (trimmed.length === 0 && it.value.endsWith('\n')) {
          // blank line: ignored for indentation
        } else {
          min = Math.min(min, [...it.value.slice(0, it.value.length - trimmed.length)].length);
          adjust.push(it);
        }
      } else {
        min = 0;
      }
    }
    if (it.k === 'lit' && it.value.endsWith('\n')) newline = true;
  }
  if (!isFinite(min) || min === 0) return;
  for (const it of adjust) it.value = [...it.value].slice(min).join('');
}

function applyStripMarkers(items: Item[]): void {
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.k === 'lit') continue;
    const prev = items[i - 1];
    const next = items[i + 1];
    if (it.stripL && prev && prev.k === 'lit') prev.value = prev.value.replace(/\s+$/, '');
    if (it.stripR && next && next.k === 'lit') next.value = next.value.replace(/^\s+/, '');
  }
}

function buildParts(
  c: Cursor,
  items: Item[],
  state: { i: number },
  until: 'if' | 'for' | undefined,
): TemplatePart[] {
  const parts: TemplatePart[] = [];
  while (state.i < items.length) {
    const it = items[state.i]!;
    if (it.k === 'lit') {
      state.i++;
      if (it.value.length > 0) parts.push({ t: 'lit', value: it.value, range: it.range });
      continue;
    }
    if (it.k === 'interp') {
      state.i++;
      parts.push({ t: 'interp', expr: it.expr, range: it.range });
      continue;
    }
    if (it.word === 'else' || it.word === 'endif' || it.word === 'endfor') {
      const ok = (it.word === 'endfor' && until === 'for') || (it.word !== 'endfor' && until === 'if');
      if (!ok) {
        c.diags.push(
          syntaxError(
            it.range,
            `Unexpected template directive %{ ${it.word} }`,
            `This %{ ${it.word} } has no matching ${it.word === 'endfor' ? '%{ for }' : '%{ if }'} before it. Remove it, or add the opening directive; write %%{ for a literal "%{".`,
          ),
        );
        throw new ParseAbort();
      }
      return parts;
    }
    state.i++;
    if (it.word === 'if') {
      const thenParts = buildParts(c, items, state, 'if');
      let elseParts: TemplatePart[] | undefined;
      let end = items[state.i];
      if (end && end.k === 'dir' && end.word === 'else') {
        state.i++;
        elseParts = buildParts(c, items, state, 'if');
        end = items[state.i];
      }
      if (!end || end.k !== 'dir' || end.word !== 'endif') return unclosed(c, it.range, 'if', 'endif');
      state.i++;
      const part: TemplatePart = {
        t: 'if',
        cond: it.expr!,
        then: thenParts,
        range: spanRanges(it.range, end.range),
      };
      if (elseParts) part.else = elseParts;
      parts.push(part);
      continue;
    }
    const body = buildParts(c, items, state, 'for');
    const end = items[state.i];
    if (!end || end.k !== 'dir' || end.word !== 'endfor') return unclosed(c, it.range, 'for', 'endfor');
    state.i++;
    const part: TemplatePart = {
      t: 'for',
      valVar: it.valVar!,
      coll: it.expr!,
      body,
      range: spanRanges(it.range, end.range),
    };
    if (it.keyVar !== undefined) part.keyVar = it.keyVar;
    parts.push(part);
  }
  if (until) {
    const last = items[items.length - 1];
    return unclosed(c, last ? last.range : c.rangeFrom(0, 0), until, until === 'if' ? 'endif' : 'endfor');
  }
  return parts;
}

function unclosed(c: Cursor, range: SourceRange, open: string, close: string): never {
  c.diags.push(
    syntaxError(
      range,
      `Unterminated template directive %{ ${open} }`,
      `This %{ ${open} … } has no matching %{ ${close} }. Add %{ ${close} } where the repeated or conditional part ends.`,
    ),
  );
  throw new ParseAbort();
}
