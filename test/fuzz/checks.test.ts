/** The fuzz test's checks catch what they are meant to catch. */
import type { Diagnostic } from '../../core/diagnostic.js';
import { diagnosticProblems, renderProblems } from './checks.js';

const good: Diagnostic = {
  severity: 'error',
  code: 'NSSV_CONFIG_SYNTAX',
  summary: 'Missing closing brace',
  range: { file: 'main.tf', line: 2, column: 3 },
};
const sources = new Map([['main.tf', 'a\nb\nc\n']]);

describe('fuzz checks', () => {
  it('GIVEN a well-formed diagnostic THEN there is no problem', () => {
    expect(diagnosticProblems(good, sources)).toEqual([]);
    expect(renderProblems(good, '')).toEqual([]);
  });

  it.each<[string, Partial<Diagnostic>]>([
    ['bad code', { code: 'config_syntax' }],
    ['internal error', { code: 'NSSV_INTERNAL' }],
    ['empty summary', { summary: ' ' }],
    ['bad range', { range: { file: 'main.tf', line: 0, column: 1 } }],
    ['range past the end', { range: { file: 'main.tf', line: 40, column: 1 } }],
  ])('GIVEN a diagnostic with a %s THEN it is reported', (what, change) => {
    const problems = diagnosticProblems({ ...good, ...change }, sources);
    expect(problems.join('\n')).toContain(what);
  });

  it('GIVEN a diagnostic without range, address or attribute THEN it is reported', () => {
    const { range: _range, ...rest } = good;
    expect(diagnosticProblems(rest, sources)).toEqual([expect.stringContaining('no range')]);
    expect(diagnosticProblems({ ...rest, address: 'nssv_vm.a' }, sources)).toEqual([]);
  });

  it('GIVEN a message with a stack frame or a leaked JavaScript value THEN it is reported', () => {
    const stack = { ...good, detail: 'Error: boom\n    at f (x.js:1:2)' };
    expect(renderProblems(stack, '')).toEqual([expect.stringContaining('stack trace')]);
    expect(renderProblems({ ...good, summary: 'value is undefined' }, '')).toHaveLength(1);
    expect(renderProblems({ ...good, detail: 'got [object Object]' }, '')).toHaveLength(1);
    expect(renderProblems({ ...good, detail: 'got NaN' }, '')).toHaveLength(1);
  });

  it('GIVEN the user wrote the word THEN quoting it back is fine', () => {
    expect(renderProblems({ ...good, summary: 'Unknown variable "undefined"' }, 'x = var.undefined')).toEqual(
      [],
    );
  });
});
