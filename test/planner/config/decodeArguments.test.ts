import type { Diagnostic } from '../../../core/diagnostic.js';
import { parseHcl } from '../../../planner/hcl/parser.js';
import { decodeArguments } from '../../../planner/config/decodeArguments.js';

function attributesOf(text: string) {
  const parsed = parseHcl('main.tf', text);
  expect(parsed.diagnostics).toEqual([]);
  return parsed.value.blocks[0]!.body.attributes;
}

describe('decodeArguments', () => {
  it('GIVEN a block whose arguments all have handlers WHEN decoded THEN each handler gets its argument and nothing is reported', () => {
    const seen: string[] = [];
    const diags: Diagnostic[] = [];
    decodeArguments(
      attributesOf('b {\n  one = 1\n  two = 2\n}\n'),
      'in a b block',
      { one: (a) => seen.push(a.name), two: (a) => seen.push(a.name) },
      diags,
    );
    expect(seen).toEqual(['one', 'two']);
    expect(diags).toEqual([]);
  });

  it('GIVEN an argument without a handler WHEN decoded THEN it is reported where it stands, with the handled names and a did-you-mean', () => {
    const diags: Diagnostic[] = [];
    decodeArguments(
      attributesOf('b {\n  onee = 1\n}\n'),
      'in a b block',
      { one: () => undefined, two: () => undefined },
      diags,
    );
    expect(diags.map((d) => [d.code, d.summary, d.detail, d.range?.line, d.range?.column])).toEqual([
      [
        'NSSV_CONFIG_UNSUPPORTED_ARGUMENT',
        'Unsupported argument "onee"',
        expect.stringMatching(
          /^An argument named "onee" is not expected in a b block\..*Allowed arguments: one, two\.$/,
        ),
        2,
        3,
      ],
    ]);
  });

  it('GIVEN an argument named like an Object.prototype member WHEN decoded THEN it is reported, not called', () => {
    const diags: Diagnostic[] = [];
    decodeArguments(
      attributesOf('b {\n  constructor = 1\n}\n'),
      'in a b block',
      { one: () => undefined },
      diags,
    );
    expect(diags.map((d) => d.summary)).toEqual(['Unsupported argument "constructor"']);
  });
});
