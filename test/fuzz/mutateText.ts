/**
 * Mutations of configuration text (HCL, and JSON as text): character and token edits, inserted
 * punctuation and markers, truncation, near-miss identifiers, odd numbers and values, dropped
 * attributes, unknown attributes and blocks, reference cycles and unknown references.
 */
import {
  COUNT_SAFE_NUMBERS,
  feedsCount,
  NUMBERS,
  PUNCTUATION,
  REFERENCE_TARGETS,
  UNKNOWN_NAMES,
  VALUES,
} from './fragments.js';
import type { Rng } from './prng.js';

export type TextMutator = (text: string, rng: Rng) => string;

interface Token {
  kind: 'ident' | 'number' | 'string' | 'space' | 'punct';
  start: number;
  end: number;
}

const TOKEN =
  /([A-Za-z_][A-Za-z0-9_-]*)|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|("(?:[^"\\\n]|\\.)*")|(\s+)|([\s\S])/gu;

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const kind = m[1] ? 'ident' : m[2] ? 'number' : m[3] ? 'string' : m[4] ? 'space' : 'punct';
    out.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

function pickToken(text: string, rng: Rng, kind?: Token['kind']): Token | undefined {
  const all = tokens(text).filter((t) => (kind ? t.kind === kind : t.kind !== 'space'));
  return all.length ? rng.pick(all) : undefined;
}

/** A plausible misspelling: dropped, doubled, swapped or changed letter, case or separator. */
export function nearMiss(word: string, rng: Rng): string {
  if (word.length === 0) return 'x';
  const i = rng.int(word.length);
  switch (rng.int(7)) {
    case 0:
      return word.length > 1 ? word.slice(0, i) + word.slice(i + 1) : word + word;
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i);
    case 2:
      return i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word + 's';
    case 3:
      return word.slice(0, i) + String.fromCharCode(97 + rng.int(26)) + word.slice(i + 1);
    case 4:
      return word.toUpperCase();
    case 5:
      return word.includes('_') ? word.replace('_', rng.pick(['-', '', '__'])) : `${word}_id`;
    default:
      return word + rng.pick(['s', '_', '2', 'e']);
  }
}

/** Lines (with their offsets) that look like `name = value`. */
function attributeLines(
  text: string,
): Array<{ start: number; end: number; name: string; valueStart: number }> {
  const out = [];
  const re = /^([ \t]*)([A-Za-z_][\w-]*)[ \t]*=[ \t]*(.*)$/gmu;
  for (const m of text.matchAll(re)) {
    const valueStart = m.index + m[0].length - m[3]!.length;
    out.push({ start: m.index, end: m.index + m[0].length, name: m[2]!, valueStart });
  }
  return out;
}

/** Offsets just after a line that opens a block (`... {`). */
function blockOpenings(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\{[ \t]*\n/gu)) out.push(m.index + m[0].length);
  return out;
}

function resourceHeaders(text: string): Array<{ type: string; name: string; bodyStart: number }> {
  const out = [];
  for (const m of text.matchAll(/^resource\s+"([^"]+)"\s+"([^"]+)"\s*\{[ \t]*\n/gmu)) {
    out.push({ type: m[1]!, name: m[2]!, bodyStart: m.index + m[0].length });
  }
  return out;
}

function lineBounds(text: string, rng: Rng): { start: number; end: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const start = rng.pick(starts);
  const nl = text.indexOf('\n', start);
  return { start, end: nl < 0 ? text.length : nl + 1 };
}

function insertIntoResource(text: string, rng: Rng, line: (type: string, name: string) => string): string {
  const headers = resourceHeaders(text);
  if (headers.length === 0) return text + line('nssv_datacenter', 'x');
  const h = rng.pick(headers);
  return splice(text, h.bodyStart, h.bodyStart, line(h.type, h.name));
}

export const textMutators: Record<string, TextMutator> = {
  deleteChars: (t, r) => {
    const at = r.int(t.length + 1);
    return splice(t, at, at + r.between(1, 6), '');
  },
  duplicateSlice: (t, r) => {
    const at = r.int(t.length + 1);
    const slice = t.slice(at, at + r.between(1, 40));
    return splice(t, at, at, slice);
  },
  swapChars: (t, r) => {
    if (t.length < 2) return t;
    const i = r.int(t.length - 1);
    const j = r.chance(0.5) ? i + 1 : r.int(t.length);
    const a = Math.min(i, j);
    const b = Math.max(i, j);
    if (a === b) return t;
    return t.slice(0, a) + t[b] + t.slice(a + 1, b) + t[a] + t.slice(b + 1);
  },
  insertFragment: (t, r) => {
    const at = r.int(t.length + 1);
    return splice(t, at, at, r.pick(PUNCTUATION));
  },
  insertFragments: (t, r) => {
    let out = t;
    for (let n = r.between(2, 6); n > 0; n--) {
      const at = r.int(out.length + 1);
      out = splice(out, at, at, r.pick(PUNCTUATION));
    }
    return out;
  },
  truncate: (t, r) => t.slice(0, r.int(t.length)),
  deleteToken: (t, r) => {
    const tok = pickToken(t, r);
    return tok ? splice(t, tok.start, tok.end, '') : t;
  },
  duplicateToken: (t, r) => {
    const tok = pickToken(t, r);
    return tok ? splice(t, tok.end, tok.end, t.slice(tok.start, tok.end)) : t;
  },
  swapTokens: (t, r) => {
    const a = pickToken(t, r);
    const b = pickToken(t, r);
    if (!a || !b || a.start === b.start) return t;
    const [x, y] = a.start < b.start ? [a, b] : [b, a];
    if (x.end > y.start) return t;
    const tx = t.slice(x.start, x.end);
    const ty = t.slice(y.start, y.end);
    return t.slice(0, x.start) + ty + t.slice(x.end, y.start) + tx + t.slice(y.end);
  },
  nearMissIdentifier: (t, r) => {
    const tok = pickToken(t, r, 'ident');
    return tok ? splice(t, tok.start, tok.end, nearMiss(t.slice(tok.start, tok.end), r)) : t;
  },
  nearMissInString: (t, r) => {
    const tok = pickToken(t, r, 'string');
    if (!tok || tok.end - tok.start < 3) return t;
    return splice(t, tok.start + 1, tok.end - 1, nearMiss(t.slice(tok.start + 1, tok.end - 1), r));
  },
  replaceNumber: (t, r) => {
    const tok = pickToken(t, r, 'number');
    if (!tok) return t;
    const lineStart = t.lastIndexOf('\n', tok.start) + 1;
    const lineEnd = t.indexOf('\n', tok.end);
    const line = t.slice(lineStart, lineEnd < 0 ? t.length : lineEnd);
    return splice(t, tok.start, tok.end, r.pick(feedsCount(line) ? COUNT_SAFE_NUMBERS : NUMBERS));
  },
  replaceValue: (t, r) => {
    const lines = attributeLines(t);
    if (lines.length === 0) return t;
    const l = r.pick(lines);
    return splice(t, l.valueStart, l.end, r.pick(VALUES));
  },
  dropAttribute: (t, r) => {
    const lines = attributeLines(t);
    if (lines.length === 0) return t;
    const required = lines.filter((l) =>
      /^(name|\w+_id|kind|size_gib|endpoint|token|source|policy)$/u.test(l.name),
    );
    const l = r.pick(required.length > 0 && r.chance(0.7) ? required : lines);
    return splice(t, l.start, Math.min(t.length, l.end + 1), '');
  },
  addUnknownAttribute: (t, r) => {
    const at = blockOpenings(t);
    if (at.length === 0) return t;
    const names = attributeLines(t).map((l) => nearMiss(l.name, r));
    const name = r.chance(0.5) && names.length ? r.pick(names) : r.pick(UNKNOWN_NAMES);
    const pos = r.pick(at);
    return splice(t, pos, pos, `  ${name} = ${r.pick(VALUES)}\n`);
  },
  addUnknownBlock: (t, r) => {
    const at = blockOpenings(t);
    const name = r.pick(UNKNOWN_NAMES);
    const block = r.pick([
      `  ${name} {\n    size = 1\n  }\n`,
      `  ${name} "label" {\n  }\n`,
      `  dynamic "${name}" {\n    for_each = [1]\n    content {\n      x = 1\n    }\n  }\n`,
      `  lifecycle {\n    ignore_changes = [${name}]\n    replace_triggered_by = [nssv_vm.nope]\n  }\n`,
    ]);
    if (at.length === 0 || r.chance(0.3)) {
      const top = r.pick([
        `\n${name} "a" {\n}\n`,
        `\nresource "${nearMiss('nssv_vm', r)}" "x" {\n  name = "x"\n}\n`,
        `\nresource "nssv_vm" {\n}\n`,
        `\nresource "nssv_vm" "a" "b" {\n}\n`,
        `\ndata "nssv_vm" "x" {\n}\n`,
        `\nmodule "m" {\n  source = "./nowhere"\n}\n`,
        `\nmodule "m" {\n  source = "../../.."\n}\n`,
        `\nvariable "v" {\n  type = ${r.pick(['strin', 'list(', 'object({a=nope})', 'map(any)', '"string"'])}\n}\n`,
        `\nvariable "v" {\n  default = 1\n  validation {\n    condition = var.v > 2\n    error_message = "v too small."\n  }\n}\n`,
        `\noutput "o" {\n  value = ${r.pick(VALUES)}\n}\n`,
        `\nlocals {\n  l = ${r.pick(VALUES)}\n}\n`,
        `\nterraform {\n  required_version = ">= 99"\n}\n`,
      ]);
      return t + top;
    }
    const pos = r.pick(at);
    return splice(t, pos, pos, block);
  },
  referenceCycle: (t, r) => {
    switch (r.int(5)) {
      case 0:
        return (
          t +
          '\nresource "nssv_datacenter" "cyc_a" {\n  name = nssv_datacenter.cyc_b.name\n}\n' +
          'resource "nssv_datacenter" "cyc_b" {\n  name = nssv_datacenter.cyc_a.name\n}\n'
        );
      case 1:
        return t + '\nlocals {\n  ca = local.cb\n  cb = "${local.cc}-x"\n  cc = local.ca\n}\n';
      case 2:
        return insertIntoResource(t, r, (type, name) => `  description = ${type}.${name}.name\n`);
      case 3:
        return insertIntoResource(t, r, (type, name) => `  depends_on = [${type}.${name}]\n`);
      default:
        return insertIntoResource(t, r, (type, name) => `  for_each = ${type}.${name}\n`);
    }
  },
  unknownReference: (t, r) => {
    const refs = [...t.matchAll(/\b(?:nssv_\w+|var|local|each|count)\.[\w.[\]"*]+/gu)];
    if (refs.length === 0 || r.chance(0.2)) {
      return insertIntoResource(t, r, () => `  description = ${r.pick(REFERENCE_TARGETS)}\n`);
    }
    const m = r.pick(refs);
    const replacement = r.chance(0.5)
      ? r.pick(REFERENCE_TARGETS)
      : m[0].replace(/\.(\w+)/u, (_, w: string) => `.${nearMiss(w, r)}`);
    return splice(t, m.index, m.index + m[0].length, replacement);
  },
  countOrForEach: (t, r) =>
    insertIntoResource(
      t,
      r,
      () =>
        `  ${r.pick([
          'count = -1',
          'count = 1.5',
          'count = "two"',
          'count = null',
          'count = 1000',
          'count = 3',
          'for_each = ["a", "b"]',
          'for_each = { a = 1 }',
          'for_each = toset([1, 2])',
          'for_each = null',
          'for_each = {}',
          'for_each = toset(["a", "a"])',
          'for_each = "a"',
          'count = 1\n  for_each = { a = 1 }',
        ])}\n`,
    ),
  duplicateBlock: (t, r) => {
    const headers = [...t.matchAll(/^(resource|variable|output|locals)\b[^\n]*\{\n[\s\S]*?^\}\n?/gmu)];
    if (headers.length === 0) return t;
    const m = r.pick(headers);
    return `${t}\n${m[0]}`;
  },
  deleteLine: (t, r) => {
    const l = lineBounds(t, r);
    return splice(t, l.start, l.end, '');
  },
  duplicateLine: (t, r) => {
    const l = lineBounds(t, r);
    return splice(t, l.end, l.end, t.slice(l.start, l.end));
  },
  swapLines: (t, r) => {
    const a = lineBounds(t, r);
    const b = lineBounds(t, r);
    if (a.start === b.start) return t;
    const [x, y] = a.start < b.start ? [a, b] : [b, a];
    return (
      t.slice(0, x.start) +
      t.slice(y.start, y.end) +
      t.slice(x.end, y.start) +
      t.slice(x.start, x.end) +
      t.slice(y.end)
    );
  },
};
