import { parseExpression, parseHcl, parseJson } from '../../../planner/hcl/index.js';

describe('HCL native syntax parser', () => {
  it('GIVEN a resource block WHEN parsed THEN labels, attributes and nested blocks keep their ranges', () => {
    const { value, diagnostics } = parseHcl(
      'main.tf',
      'resource "nssv_vm" "web" {\n  name = "web"\n  disk {\n    volume_id = "v"\n  }\n}\n',
    );
    expect(diagnostics).toEqual([]);
    const b = value.blocks[0]!;
    expect(b.type).toBe('resource');
    expect(b.labels).toEqual(['nssv_vm', 'web']);
    expect(b.body.attributes[0]!.name).toBe('name');
    expect(b.body.attributes[0]!.expr.range).toMatchObject({ file: 'main.tf', line: 2, column: 10 });
    expect(b.body.blocks[0]!.type).toBe('disk');
    expect(b.body.blocks[0]!.body.attributes[0]!.range).toMatchObject({ line: 4, column: 5 });
  });

  it('GIVEN a missing closing brace WHEN parsed THEN a NSSV_CONFIG_SYNTAX diagnostic names the position', () => {
    const { diagnostics } = parseHcl('main.tf', 'resource "nssv_vm" "web" {\n  name = "web"\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'NSSV_CONFIG_SYNTAX',
      summary: 'Unclosed block: missing "}"',
      range: { file: 'main.tf', line: 3, column: 1 },
    });
  });

  it('GIVEN an attribute without a value WHEN parsed THEN the error says an expression was expected', () => {
    const { diagnostics } = parseHcl('main.tf', 'locals {\n  a = \n}\n');
    expect(diagnostics[0]).toMatchObject({
      code: 'NSSV_CONFIG_SYNTAX',
      summary: 'Syntax error: expected an expression, found a newline',
      range: { line: 2, column: 7 },
    });
  });

  it('GIVEN an unterminated string WHEN parsed THEN the error points at the end of the line', () => {
    const { diagnostics } = parseHcl('main.tf', 'locals {\n  a = "abc\n}\n');
    expect(diagnostics[0]!.code).toBe('NSSV_CONFIG_SYNTAX');
    expect(diagnostics[0]!.detail).toContain('quoted string cannot span lines');
    expect(diagnostics[0]!.range).toMatchObject({ line: 2, column: 11 });
  });

  it('GIVEN operators WHEN parsed THEN precedence is Terraform’s', () => {
    const e = parseExpression('1 + 2 * 3 == 7 && !false ? a.b[0].*.c : [for x in y : x if x]').value!;
    expect(e.t).toBe('cond');
    if (e.t !== 'cond') return;
    expect(e.cond.t).toBe('binary');
    expect(e.then.t).toBe('splat');
    expect(e.else.t).toBe('for');
  });

  it('GIVEN templates with directives and strip markers WHEN parsed THEN parts nest', () => {
    const e = parseExpression('"a %{ for x in xs ~} ${x} %{~ endfor } b"').value!;
    expect(e.t).toBe('template');
    if (e.t !== 'template') return;
    expect(e.parts.map((p) => p.t)).toEqual(['lit', 'for', 'lit']);
  });

  it('GIVEN invalid JSON WHEN parsed THEN the diagnostic has line and column', () => {
    const { value, diagnostics } = parseJson('main.tf.json', '{\n  "a": [1,\n}');
    expect(value).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({
      code: 'NSSV_CONFIG_SYNTAX',
      summary: 'Invalid JSON: unexpected "}"; a value was expected',
      range: { line: 3, column: 1 },
    });
  });
});
