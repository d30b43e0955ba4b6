import type { Token } from './token.js';

type Frame =
  | { k: 'normal' }
  | { k: 'interp'; braces: number }
  | { k: 'quoted' }
  | { k: 'heredoc'; marker: string; atLineStart: boolean };

const THREE = ['...'];
const TWO = ['==', '!=', '<=', '>=', '&&', '||', '=>'];
const ONE = '+-*/%<>!?:=,.[](){}';

function isIdentStart(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return /[\p{L}_]/u.test(c);
}
function isIdentPart(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return isIdentStart(c) || isDigit(code) || code === 45;
  return /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]/u.test(c);
}
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Tokenize HCL native syntax. Never throws: problems become 'invalid' tokens with an error message. */
export function lex(text: string, mode: 'config' | 'template' = 'config'): Token[] {
  const toks: Token[] = [];
  // A bare template (a JSON string) is lexed like a heredoc that never closes.
  const stack: Frame[] =
    mode === 'config' ? [{ k: 'normal' }] : [{ k: 'heredoc', marker: '\u0000', atLineStart: false }];
  let i = 0;
  const n = text.length;
  const push = (t: Token): void => {
    toks.push(t);
  };

  while (i < n) {
    const frame = stack[stack.length - 1]!;
    if (frame.k === 'quoted' || frame.k === 'heredoc') {
      i = lexTemplateChunk(text, i, frame, stack, push);
      continue;
    }
    const c = text[i]!;
    const code = text.charCodeAt(i);
    // whitespace
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\n') {
      push({ kind: 'nl', text: '\n', start: i, end: i + 1 });
      i++;
      continue;
    }
    // comments
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const endIdx = text.indexOf('*/', i + 2);
      if (endIdx < 0) {
        push({
          kind: 'invalid',
          text: '/*',
          start: i,
          end: n,
          error: 'Unterminated comment: a /* comment has no closing */.',
        });
        i = n;
        break;
      }
      // a multi-line comment counts as a newline if it spans one (HCL treats it like whitespace)
      i = endIdx + 2;
      continue;
    }
    if (isDigit(code)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400))!;
      push({ kind: 'number', text: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(text[j]!)) j++;
      push({ kind: 'ident', text: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    if (c === '"') {
      push({ kind: 'oquote', text: '"', start: i, end: i + 1 });
      stack.push({ k: 'quoted' });
      i++;
      continue;
    }
    if (c === '<' && text[i + 1] === '<') {
      const m = /^<<(-?)([\p{L}_][\p{L}\p{N}_-]*)\r?\n/u.exec(text.slice(i, i + 300));
      if (m) {
        push({ kind: 'oheredoc', text: m[2]!, start: i, end: i + m[0].length, flush: m[1] === '-' });
        stack.push({ k: 'heredoc', marker: m[2]!, atLineStart: true });
        i += m[0].length;
        continue;
      }
      push({
        kind: 'invalid',
        text: '<<',
        start: i,
        end: i + 2,
        error: 'Invalid heredoc: "<<" must be followed by a marker name and a newline, like <<EOT.',
      });
      i += 2;
      continue;
    }
    if (frame.k === 'interp') {
      if (c === '~' && text[i + 1] === '}' && frame.braces === 0) {
        push({ kind: 'tend', text: '~}', start: i, end: i + 2, strip: true });
        stack.pop();
        i += 2;
        continue;
      }
      if (c === '}' && frame.braces === 0) {
        push({ kind: 'tend', text: '}', start: i, end: i + 1 });
        stack.pop();
        i++;
        continue;
      }
      if (c === '{') frame.braces++;
      if (c === '}') frame.braces--;
    }
    const three = text.slice(i, i + 3);
    if (THREE.includes(three)) {
      push({ kind: 'punct', text: three, start: i, end: i + 3 });
      i += 3;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (TWO.includes(two)) {
      push({ kind: 'punct', text: two, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if (ONE.includes(c)) {
      push({ kind: 'punct', text: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    const cp = String.fromCodePoint(text.codePointAt(i)!);
    push({
      kind: 'invalid',
      text: cp,
      start: i,
      end: i + cp.length,
      error: `Invalid character ${JSON.stringify(cp)}: this character is not used in the configuration language.`,
    });
    i += cp.length;
  }
  const top = stack[stack.length - 1]!;
  if (top.k === 'quoted') {
    push({
      kind: 'invalid',
      text: '',
      start: n,
      end: n,
      error: 'Unterminated template string: a quoted string has no closing quote.',
    });
  } else if (top.k === 'heredoc' && top.marker !== '\u0000') {
    push({
      kind: 'invalid',
      text: '',
      start: n,
      end: n,
      error: `Unterminated heredoc: no closing marker line ${JSON.stringify(top.marker)} was found.`,
    });
  }
  push({ kind: 'eof', text: '', start: n, end: n });
  return toks;
}

/** Lex literal text inside a quoted string or heredoc, up to the next interpolation/directive/closer. */
function lexTemplateChunk(
  text: string,
  i: number,
  frame: { k: 'quoted' } | { k: 'heredoc'; marker: string; atLineStart: boolean },
  stack: Frame[],
  push: (t: Token) => void,
): number {
  const n = text.length;
  if (frame.k === 'heredoc' && frame.atLineStart) {
    // closing marker: optional indentation, the marker, then end of line
    let j = i;
    while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
    if (text.startsWith(frame.marker, j)) {
      let k = j + frame.marker.length;
      if (text[k] === '\r') k++;
      if (k >= n || text[k] === '\n') {
        push({ kind: 'cheredoc', text: frame.marker, start: i, end: j + frame.marker.length });
        stack.pop();
        return j + frame.marker.length;
      }
    }
    frame.atLineStart = false;
  }
  const start = i;
  let value = '';
  while (i < n) {
    const c = text[i]!;
    if ((c === '$' || c === '%') && text[i + 1] === '{') {
      if (value.length > 0 || i > start) break;
      const strip = text[i + 2] === '~';
      const len = strip ? 3 : 2;
      push({
        kind: c === '$' ? 'interp' : 'control',
        text: text.slice(i, i + len),
        start: i,
        end: i + len,
        strip,
      });
      stack.push({ k: 'interp', braces: 0 });
      return i + len;
    }
    if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      value += c + '{';
      i += 3;
      continue;
    }
    if (frame.k === 'quoted') {
      if (c === '"') {
        if (i > start) break;
        push({ kind: 'cquote', text: '"', start: i, end: i + 1 });
        stack.pop();
        return i + 1;
      }
      if (c === '\n') {
        if (i > start) break;
        push({
          kind: 'invalid',
          text: '\n',
          start: i,
          end: i,
          error:
            'Unterminated template string: a quoted string cannot span lines; close it with " or use a heredoc (<<EOT).',
        });
        stack.pop();
        return i; // the newline is lexed again in the enclosing frame
      }
      if (c === '\\') {
        const esc = text[i + 1];
        const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
        if (esc !== undefined && simple[esc] !== undefined) {
          value += simple[esc];
          i += 2;
          continue;
        }
        if (esc === 'u' || esc === 'U') {
          const len = esc === 'u' ? 4 : 8;
          const hex = text.slice(i + 2, i + 2 + len);
          if (new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) {
            value += String.fromCodePoint(parseInt(hex, 16));
            i += 2 + len;
            continue;
          }
        }
        if (i > start) break;
        push({
          kind: 'invalid',
          text: text.slice(i, i + 2),
          start: i,
          end: i + 2,
          error: `Invalid escape sequence ${JSON.stringify(text.slice(i, i + 2))}: the allowed escapes are \\n, \\r, \\t, \\", \\\\, \\uNNNN and \\UNNNNNNNN; write \\\\ for a literal backslash.`,
        });
        return i + 2;
      }
      value += c;
      i++;
      continue;
    }
    // heredoc: a literal runs to the end of its line (newline included)
    value += c;
    i++;
    if (c === '\n') {
      frame.atLineStart = true;
      break;
    }
  }
  push({ kind: 'lit', text: text.slice(start, i), start, end: i, value });
  return i;
}
