import type { BinaryOp, Expr, ObjectItem } from './ast.js';
import { spanRanges } from './source.js';
import type { Cursor } from './cursor.js';
import { parseTemplateTokens } from './template-parser.js';

const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

export function parseExpr(c: Cursor): Expr {
  const cond = parseBinary(c, 1);
  if (c.isPunct('?')) {
    c.next();
    c.pushNewlines(false);
    try {
      const a = parseExpr(c);
      c.expectPunct(
        ':',
        '":" between the two results of the conditional',
        'A conditional looks like: cond ? a : b.',
      );
      const b = parseExpr(c);
      return { t: 'cond', cond, then: a, else: b, range: spanRanges(cond.range, b.range) };
    } finally {
      c.popNewlines();
    }
  }
  return cond;
}

function parseBinary(c: Cursor, minPrec: number): Expr {
  let left = parseUnary(c);
  for (;;) {
    const t = c.peek();
    const prec = t.kind === 'punct' ? PRECEDENCE[t.text] : undefined;
    if (prec === undefined || prec < minPrec) return left;
    c.next();
    const right = parseBinary(c, prec + 1);
    left = { t: 'binary', op: t.text as BinaryOp, left, right, range: spanRanges(left.range, right.range) };
  }
}

function parseUnary(c: Cursor): Expr {
  const t = c.peek();
  if (t.kind === 'punct' && (t.text === '-' || t.text === '!')) {
    c.next();
    const operand = parseUnary(c);
    return { t: 'unary', op: t.text, operand, range: spanRanges(c.range(t), operand.range) };
  }
  return parsePostfix(c, parsePrimary(c));
}

/** Traversal steps after a primary: .attr, [index], .0, [*] and .* splats. */
function parsePostfix(c: Cursor, expr: Expr): Expr {
  for (;;) {
    const t = c.peek();
    if (t.kind !== 'punct') return expr;
    if (t.text === '.') {
      const n = c.peek2();
      if (n.kind === 'punct' && n.text === '*') {
        c.next();
        c.next();
        expr = parseSplat(c, expr, true);
        continue;
      }
      const step = parseAttrStep(c, expr);
      if (!step) return expr;
      expr = step;
      continue;
    }
    if (t.text === '[') {
      const n = c.peek2();
      if (n.kind === 'punct' && n.text === '*') {
        c.next();
        c.next();
        c.expectPunct(']', '"]" to close the splat [*]');
        expr = parseSplat(c, expr, false);
        continue;
      }
      expr = parseIndexStep(c, expr);
      continue;
    }
    return expr;
  }
}

function parseAttrStep(c: Cursor, obj: Expr): Expr | undefined {
  c.next(); // '.'
  const n = c.peek();
  if (n.kind === 'ident') {
    c.next();
    return {
      t: 'getattr',
      obj,
      name: n.text,
      range: spanRanges(obj.range, c.range(n)),
      nameRange: c.range(n),
    };
  }
  if (n.kind === 'number' && /^[0-9]+$/.test(n.text)) {
    c.next();
    const key: Expr = { t: 'number', text: n.text, range: c.range(n) };
    return { t: 'index', obj, key, range: spanRanges(obj.range, c.range(n)) };
  }
  return c.fail(
    n,
    'an attribute name after "."',
    'Write the attribute name after the dot, like nssv_vm.web.id.',
  );
}

function parseIndexStep(c: Cursor, obj: Expr): Expr {
  c.next(); // '['
  c.pushNewlines(false);
  try {
    const key = parseExpr(c);
    const close = c.expectPunct(']', '"]" to close the index');
    return { t: 'index', obj, key, range: spanRanges(obj.range, c.range(close)) };
  } finally {
    c.popNewlines();
  }
}

function parseSplat(c: Cursor, obj: Expr, legacy: boolean): Expr {
  const anon: Expr = { t: 'anon', range: obj.range };
  let each: Expr = anon;
  for (;;) {
    const t = c.peek();
    if (t.kind !== 'punct') break;
    if (t.text === '.') {
      const n = c.peek2();
      if (n.kind === 'punct' && n.text === '*') {
        if (legacy) break;
        c.next();
        c.next();
        each = parseSplat(c, each, true);
        continue;
      }
      each = parseAttrStep(c, each)!;
      continue;
    }
    if (t.text === '[' && !legacy) {
      const n = c.peek2();
      if (n.kind === 'punct' && n.text === '*') {
        c.next();
        c.next();
        c.expectPunct(']');
        each = parseSplat(c, each, false);
        continue;
      }
      each = parseIndexStep(c, each);
      continue;
    }
    break;
  }
  const end = c.rangeFrom(c.lastEnd(), c.lastEnd());
  return { t: 'splat', obj, each, legacy, range: spanRanges(obj.range, end) };
}

function parsePrimary(c: Cursor): Expr {
  const t = c.peek();
  switch (t.kind) {
    case 'number':
      c.next();
      return { t: 'number', text: t.text, range: c.range(t) };
    case 'ident': {
      c.next();
      if (t.text === 'true' || t.text === 'false')
        return { t: 'bool', value: t.text === 'true', range: c.range(t) };
      if (t.text === 'null') return { t: 'null', range: c.range(t) };
      if (c.isPunct('(')) return parseCall(c, t.text, c.range(t));
      return { t: 'var', name: t.text, range: c.range(t) };
    }
    case 'oquote':
    case 'oheredoc':
      return parseTemplateTokens(c, parseExpr);
    case 'punct':
      if (t.text === '(') {
        c.next();
        c.pushNewlines(false);
        try {
          const e = parseExpr(c);
          const close = c.expectPunct(')', '")" to close the parentheses');
          return { t: 'paren', expr: e, range: spanRanges(c.range(t), c.range(close)) };
        } finally {
          c.popNewlines();
        }
      }
      if (t.text === '[') return parseTuple(c);
      if (t.text === '{') return parseObject(c);
      break;
    default:
      break;
  }
  return c.fail(
    t,
    'an expression',
    'An expression is a value (like "text", 42, true, [..], {..}), a reference (like var.name) or a function call.',
  );
}

function parseCall(c: Cursor, name: string, nameRange: Expr['range']): Expr {
  c.next(); // '('
  c.pushNewlines(false);
  try {
    const args: Expr[] = [];
    let expand = false;
    while (!c.isPunct(')')) {
      args.push(parseExpr(c));
      if (c.isPunct('...')) {
        c.next();
        expand = true;
        if (!c.isPunct(')')) c.fail(c.peek(), '")" after the expanded final argument "..."');
        break;
      }
      if (c.isPunct(',')) {
        c.next();
        continue;
      }
      if (!c.isPunct(')')) c.fail(c.peek(), '"," or ")" in the argument list of ' + name + '()');
    }
    const close = c.next();
    return { t: 'call', name, args, expand, range: spanRanges(nameRange, c.range(close)), nameRange };
  } finally {
    c.popNewlines();
  }
}

function isForKeyword(c: Cursor): boolean {
  const t = c.peek();
  if (t.kind !== 'ident' || t.text !== 'for') return false;
  const n = c.peek2();
  return n.kind === 'ident';
}

function parseTuple(c: Cursor): Expr {
  const open = c.next();
  c.pushNewlines(false);
  try {
    if (isForKeyword(c)) return parseFor(c, open, false);
    const items: Expr[] = [];
    while (!c.isPunct(']')) {
      items.push(parseExpr(c));
      if (c.isPunct(',')) {
        c.next();
        continue;
      }
      if (!c.isPunct(']')) c.fail(c.peek(), '"," or "]" in the list', 'Separate list elements with commas.');
    }
    const close = c.next();
    return { t: 'tuple', items, range: spanRanges(c.range(open), c.range(close)) };
  } finally {
    c.popNewlines();
  }
}

function parseObject(c: Cursor): Expr {
  const open = c.next();
  c.pushNewlines(false);
  if (isForKeyword(c)) {
    try {
      return parseFor(c, open, true);
    } finally {
      c.popNewlines();
    }
  }
  c.popNewlines();
  c.pushNewlines(true);
  try {
    const items: ObjectItem[] = [];
    for (;;) {
      while (c.peek().kind === 'nl') c.next();
      if (c.isPunct('}')) break;
      c.pushNewlines(false);
      let key: Expr;
      try {
        key = parseExpr(c);
        const sep = c.peek();
        if (!(sep.kind === 'punct' && (sep.text === '=' || sep.text === ':')))
          c.fail(sep, '"=" after the object key', 'Object attributes look like: { key = value }.');
        c.next();
      } finally {
        c.popNewlines();
      }
      c.pushNewlines(false);
      let value: Expr;
      try {
        value = parseExpr(c);
      } finally {
        c.popNewlines();
      }
      items.push({ key, keyIsIdent: key.t === 'var', value });
      const t = c.peek();
      if (t.kind === 'punct' && t.text === ',') {
        c.next();
        continue;
      }
      if (t.kind === 'nl') continue;
      if (t.kind === 'punct' && t.text === '}') break;
      c.fail(
        t,
        'a newline, "," or "}" after the object attribute',
        'Put each attribute on its own line or separate them with commas.',
      );
    }
    const close = c.next();
    return { t: 'object', items, range: spanRanges(c.range(open), c.range(close)) };
  } finally {
    c.popNewlines();
  }
}

function parseFor(c: Cursor, open: { start: number; end: number }, isObject: boolean): Expr {
  c.next(); // for
  const first = c.next();
  if (first.kind !== 'ident') c.fail(first, 'a variable name after "for"');
  let keyVar: string | undefined;
  let valVar = first.text;
  if (c.isPunct(',')) {
    c.next();
    const second = c.next();
    if (second.kind !== 'ident') c.fail(second, 'a second variable name after ","');
    keyVar = first.text;
    valVar = second.text;
  }
  const inTok = c.next();
  if (inTok.kind !== 'ident' || inTok.text !== 'in')
    c.fail(inTok, '"in"', 'A for expression looks like: [for x in list : x].');
  const coll = parseExpr(c);
  c.expectPunct(':', '":" after the collection of the for expression');
  let key: Expr | undefined;
  let value = parseExpr(c);
  let group = false;
  if (isObject) {
    c.expectPunct(
      '=>',
      '"=>" between key and value of the object for expression',
      'Write {for k, v in m : k => v}.',
    );
    key = value;
    value = parseExpr(c);
    if (c.isPunct('...')) {
      c.next();
      group = true;
    }
  }
  let cond: Expr | undefined;
  const t = c.peek();
  if (t.kind === 'ident' && t.text === 'if') {
    c.next();
    cond = parseExpr(c);
  }
  const close = c.expectPunct(isObject ? '}' : ']', `"${isObject ? '}' : ']'}" to close the for expression`);
  const range = spanRanges(c.rangeFrom(open.start, open.end), c.range(close));
  const e: Expr = { t: 'for', valVar, coll, value, group, range };
  if (keyVar !== undefined) e.keyVar = keyVar;
  if (key) e.key = key;
  if (cond) e.cond = cond;
  return e;
}
