/**
 * A small XML reader and writer, enough for libvirt's domain XML: elements, attributes, text,
 * comments, processing instructions, CDATA and the predefined/numeric entities. No DTDs.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    if (lt < 0) {
      top(stack).text += decodeEntities(source.slice(i));
      break;
    }
    if (lt > i) top(stack).text += decodeEntities(source.slice(i, lt));
    if (source.startsWith('<!--', lt)) {
      i = endOf(source, '-->', lt);
    } else if (source.startsWith('<![CDATA[', lt)) {
      const end = endOf(source, ']]>', lt);
      top(stack).text += source.slice(lt + 9, end - 3);
      i = end;
    } else if (source.startsWith('<?', lt) || source.startsWith('<!', lt)) {
      i = endOf(source, '>', lt);
    } else if (source.startsWith('</', lt)) {
      const end = endOf(source, '>', lt);
      const name = source.slice(lt + 2, end - 1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`XML: unexpected </${name}> at offset ${lt}`);
      i = end;
    } else {
      const end = tagEnd(source, lt);
      const selfClosing = source[end - 2] === '/';
      const inner = source.slice(lt + 1, selfClosing ? end - 2 : end - 1);
      const m = /^([^\s/>]+)/.exec(inner);
      if (!m) throw new Error(`XML: malformed tag at offset ${lt}`);
      const element: XmlElement = {
        name: m[1]!,
        attrs: parseAttrs(inner.slice(m[1]!.length)),
        children: [],
        text: '',
      };
      top(stack).children.push(element);
      if (!selfClosing) stack.push(element);
      i = end;
    }
  }
  if (stack.length !== 1) throw new Error(`XML: <${top(stack).name}> is not closed`);
  const [element] = root.children;
  if (!element) throw new Error('XML: no root element');
  return element;
}

function top(stack: XmlElement[]): XmlElement {
  return stack[stack.length - 1]!;
}

function endOf(source: string, marker: string, from: number): number {
  const at = source.indexOf(marker, from);
  if (at < 0) throw new Error(`XML: missing ${marker} after offset ${from}`);
  return at + marker.length;
}

/** The offset after a start tag's '>', skipping '>' inside quoted attribute values. */
function tagEnd(source: string, from: number): number {
  let quote: string | undefined;
  for (let i = from + 1; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  throw new Error(`XML: unterminated tag at offset ${from}`);
}

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(s); m; m = re.exec(s)) attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
  return attrs;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? whole;
  });
}

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Builds an element: `el('disk', {type: 'file'}, [children…])` or with text content. */
export function el(
  name: string,
  attrs: Record<string, string | number> = {},
  content: (string | XmlNode)[] | string = [],
): XmlNode {
  return { name, attrs, content };
}

export interface XmlNode {
  name: string;
  attrs: Record<string, string | number>;
  content: (string | XmlNode)[] | string;
}

export function renderXml(node: XmlNode, indent = ''): string {
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  if (typeof node.content === 'string')
    return `${indent}<${node.name}${attrs}>${escapeXml(node.content)}</${node.name}>\n`;
  if (node.content.length === 0) return `${indent}<${node.name}${attrs}/>\n`;
  const inner = node.content
    .map((c) => (typeof c === 'string' ? `${indent}  ${escapeXml(c)}\n` : renderXml(c, `${indent}  `)))
    .join('');
  return `${indent}<${node.name}${attrs}>\n${inner}${indent}</${node.name}>\n`;
}

/** Helpers for reading. */
export function child(e: XmlElement | undefined, name: string): XmlElement | undefined {
  return e?.children.find((c) => c.name === name);
}

export function children(e: XmlElement | undefined, name: string): XmlElement[] {
  return e ? e.children.filter((c) => c.name === name) : [];
}

export function path(e: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  return names.reduce<XmlElement | undefined>((at, n) => child(at, n), e);
}
