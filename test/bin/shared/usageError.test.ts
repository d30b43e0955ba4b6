import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { commandNames } from '../../../bin/shared/commandNames.js';
import { usageError } from '../../../bin/shared/usageError.js';
import { repo } from '../../e2e/support.js';

const COMMANDS = [
  'apply',
  'plan',
  'sandbox down',
  'sandbox status',
  'sandbox up',
  'state list',
  'trash list',
];

describe('usageError', () => {
  test('GIVEN a misspelt command WHEN reported THEN the one did-you-mean suggests the command', () => {
    expect(usageError(new Error('command plna not found'), ['plna'], COMMANDS)).toBe(
      'Error: unknown command "plna". Did you mean "plan"?\n\n' +
        '  Commands: apply, plan, sandbox, state, trash. See: nssv --help\n',
    );
    expect(usageError(new Error('command trsh not found'), ['trsh'], COMMANDS)).toContain(
      'Did you mean "trash"?',
    );
  });

  test('GIVEN a command far from every command WHEN reported THEN nothing is suggested', () => {
    expect(usageError(new Error('command frobnicate not found'), ['frobnicate'], COMMANDS)).toBe(
      'Error: unknown command "frobnicate".\n\n' +
        '  Commands: apply, plan, sandbox, state, trash. See: nssv --help\n',
    );
  });

  test('GIVEN an unknown sub-command of a topic WHEN reported THEN the topic commands are listed', () => {
    expect(usageError(new Error('command sandbox:start not found'), ['sandbox', 'start'], COMMANDS)).toBe(
      'Error: unknown command "sandbox start".\n\n  Commands: sandbox down, sandbox status, sandbox up. See: nssv sandbox --help\n',
    );
  });
});

describe('commandNames', () => {
  test('GIVEN the built CLI THEN every command in bin/commands is named, topics with a space', () => {
    const names = commandNames(repo);
    expect(names).toEqual(
      expect.arrayContaining(['plan', 'destroy', 'trash restore', 'state mv', 'agent ca init']),
    );
    const files = readdirSync(join(repo, 'bin/commands'), { recursive: true }).filter((f) =>
      String(f).endsWith('.ts'),
    );
    expect(new Set(names).size).toBe(files.length);
  });

  test('GIVEN no manifest THEN none', () => {
    expect(commandNames('/nonexistent')).toEqual([]);
  });
});
