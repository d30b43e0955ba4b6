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

  it('GIVEN a missing closing brace WHEN parsed THEN the error is at the "{" that opened the block, naming it', () => {
    const { diagnostics } = parseHcl('main.tf', 'resource "nssv_vm" "web" {\n  name = "web"\n');
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'NSSV_CONFIG_SYNTAX',
        summary: 'the block resource "nssv_vm" "web" opened at main.tf:1:26 is never closed',
        detail:
          'The end of the file was reached at main.tf:3:1 without the "}" that closes it. Fix: add the closing "}" where the block ends, and check that every "{" inside it has its "}".',
        range: { file: 'main.tf', line: 1, column: 26, endLine: 1, endColumn: 27 },
      },
    ]);
  });

  it('GIVEN a nested block left open WHEN parsed THEN each unclosed block is named at its own "{"', () => {
    const text = 'locals {\n  a = 1\n}\n\nresource "nssv_vm" "web" {\n  disk {\n    volume_id = "v"\n';
    const { diagnostics } = parseHcl('main.tf', text);
    expect(
      diagnostics.map((d) => [d.code, `${d.range?.line}:${d.range?.column}`, d.summary, d.detail]),
    ).toEqual([
      [
        'NSSV_CONFIG_SYNTAX',
        '6:8',
        'the block disk opened at main.tf:6:8 is never closed',
        'The end of the file was reached at main.tf:8:1 without the "}" that closes it. Fix: add the closing "}" where the block ends, and check that every "{" inside it has its "}".',
      ],
      [
        'NSSV_CONFIG_SYNTAX',
        '5:26',
        'the block resource "nssv_vm" "web" opened at main.tf:5:26 is never closed',
        'The end of the file was reached at main.tf:8:1 without the "}" that closes it. Fix: add the closing "}" where the block ends, and check that every "{" inside it has its "}".',
      ],
    ]);
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
