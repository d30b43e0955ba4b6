import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * libvirt's domain XML through fast-xml-parser: a small element tree for reading, and element
 * builders rendered with two-space indentation, attributes in the order given, empty elements
 * self-closed and the five XML entities escaped, so the same definition always gives the same
 * bytes.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (CDATA included), without its children's. */
  text: string;
}

/** fast-xml-parser's ordered form: one key naming the element (or #text / #cdata), attributes under ':@'. */
type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

const ATTRS = ':@';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
});

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
});

/** Offset of a 1-based line and column in `source`. */
function offsetOf(source: string, line: number, col: number): number {
  const lines = source.split('\n');
  return lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + col - 1;
}

function elementOf(node: Ordered): XmlElement | undefined {
  const name = Object.keys(node).find((k) => k !== ATTRS);
  if (!name || name === '#text' || name === '#cdata') return undefined;
  const element: XmlElement = { name, attrs: { ...(node[ATTRS] ?? {}) }, children: [], text: '' };
  for (const c of node[name] as Ordered[]) {
    if ('#text' in c) element.text += String(c['#text']);
    else if ('#cdata' in c)
      element.text += (c['#cdata'] as Ordered[]).map((t) => String(t['#text'])).join('');
    else {
      const child = elementOf(c);
      if (child) element.children.push(child);
    }
  }
  return element;
}

/** The document element of `source`; malformed XML throws `XML: … at offset N`. */
export function parseXml(source: string): XmlElement {
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    const closing = /instead of closing tag '([^']+)'/.exec(msg);
    const what = closing ? `unexpected </${closing[1]}>` : msg.replace(/\.$/, '');
    throw new Error(`XML: ${what} at offset ${offsetOf(source, line, col)}`);
  }
  const root = (parser.parse(source) as Ordered[]).map(elementOf).find((e) => e !== undefined);
  if (!root) throw new Error('XML: no root element');
  return root;
}

export interface XmlNode {
  name: string;
  attrs: Record<string, string | number>;
  content: (string | XmlNode)[] | string;
}

/** Builds an element: `el('disk', {type: 'file'}, [children…])` or with text content. */
export function el(
  name: string,
  attrs: Record<string, string | number> = {},
  content: (string | XmlNode)[] | string = [],
): XmlNode {
  return { name, attrs, content };
}

function ordered(node: XmlNode): Ordered {
  const body =
    typeof node.content === 'string'
      ? [{ '#text': node.content }]
      : node.content.map((c) => (typeof c === 'string' ? { '#text': c } : ordered(c)));
  const attrs = Object.fromEntries(Object.entries(node.attrs).map(([k, v]) => [k, String(v)]));
  return { [node.name]: body, ...(Object.keys(attrs).length > 0 ? { [ATTRS]: attrs } : {}) };
}

/** The element as an indented document ending in a newline. */
export function renderXml(node: XmlNode): string {
  return `${(builder.build([ordered(node)]) as string).trim()}\n`;
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
