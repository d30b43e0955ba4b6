import { el, parseXml, renderXml } from '../../../agentd/domains/xml.js';

describe('xml', () => {
  it('GIVEN entities, CDATA, comments and a prolog WHEN parsed THEN text and attributes are decoded', () => {
    const root = parseXml(
      `<?xml version="1.0"?><!-- c --><a x="1 &amp; 2" y='&quot;q&quot;'><b>&lt;t&gt;&#65;&#x42;</b><![CDATA[<raw>]]><c/></a>`,
    );
    expect(root.name).toBe('a');
    expect(root.attrs).toEqual({ x: '1 & 2', y: '"q"' });
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(root.children[0]!.text).toBe('<t>AB');
    expect(root.text).toBe('<raw>');
  });

  it('GIVEN a mismatched closing tag WHEN parsed THEN it fails with the offset', () => {
    expect(() => parseXml('<a><b></a>')).toThrow('XML: unexpected </a> at offset 6');
  });

  it('GIVEN values with markup characters WHEN rendered and parsed THEN they survive', () => {
    const xml = renderXml(el('a', { v: `<"'&>` }, [el('b', {}, `x < y & "z"`)]));
    const root = parseXml(xml);
    expect(root.attrs.v).toBe(`<"'&>`);
    expect(root.children[0]!.text).toBe(`x < y & "z"`);
  });
});
