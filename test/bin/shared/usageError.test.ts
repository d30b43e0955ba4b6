import { usageError } from '../../../bin/shared/usageError.js';

describe('usageError', () => {
  test('GIVEN a misspelt command WHEN reported THEN the one did-you-mean suggests the command', () => {
    expect(usageError(new Error('command plna not found'), ['plna'])).toBe(
      'Error: unknown command "plna". Did you mean "plan"?\n\n' +
        '  Commands: plan, apply, destroy, validate, console, output, sandbox, state. See: nssv --help\n',
    );
    expect(usageError(new Error('command destory not found'), ['destory'])).toContain(
      'Did you mean "destroy"?',
    );
  });

  test('GIVEN a command far from every command WHEN reported THEN nothing is suggested', () => {
    expect(usageError(new Error('command frobnicate not found'), ['frobnicate'])).toBe(
      'Error: unknown command "frobnicate".\n\n' +
        '  Commands: plan, apply, destroy, validate, console, output, sandbox, state. See: nssv --help\n',
    );
  });

  test('GIVEN an unknown sub-command of a topic WHEN reported THEN the topic commands are listed', () => {
    expect(usageError(new Error('command sandbox:start not found'), ['sandbox', 'start'])).toBe(
      'Error: unknown command "sandbox start".\n\n  Commands: sandbox up, sandbox status, sandbox down. See: nssv sandbox --help\n',
    );
  });
});
