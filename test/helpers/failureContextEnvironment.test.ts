import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo } from '../e2e/support.js';
import { recordFailedCommand } from './commandLog.js';

/** Runs Jest on one generated test file (in this file's TMPDIR) with the project's config. */
async function jestOn(source: string): Promise<{ code: number; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-env-'));
  const file = join(dir, 'probe.test.mjs');
  writeFileSync(file, source);
  writeFileSync(
    join(dir, 'jest.config.json'),
    JSON.stringify({
      testEnvironment: join(repo, 'test/helpers/failureContextEnvironment.mjs'),
      testMatch: ['**/*.test.mjs'],
      transform: {},
    }),
  );
  const r = await execa(
    process.execPath,
    ['--experimental-vm-modules', '--no-warnings', join(repo, 'node_modules/jest/bin/jest.js'), '--ci', file],
    { reject: false, cwd: dir },
  );
  return { code: r.exitCode ?? -1, stderr: r.stderr };
}

const probe = `
const record = (command, exitCode, stderr) =>
  (globalThis.__nssvFailedCommands ??= []).push({ command, exitCode, stderr });
test('passes though a command failed', () => {
  record('nssv plan', 1, 'Error: expected failure');
});
test('fails after a failed apply', () => {
  record('nssv apply -auto-approve', 1, 'Error: import nssv-images.gold/debian: rbd exited with 2');
  expect(1).toBe(0);
});
`;

describe('the failure context environment', () => {
  it('GIVEN a failing test after a command that exited non-zero WHEN run THEN that command and its stderr are printed; a passing test prints nothing', async () => {
    const r = await jestOn(probe);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'failed: fails after a failed apply\ncommands that exited non-zero in it:\n$ nssv apply -auto-approve  (exit 1)\nError: import nssv-images.gold/debian: rbd exited with 2\n',
    );
    expect(r.stderr).not.toContain('expected failure');
  });

  it('GIVEN a command that exited non-zero WHEN recorded THEN it is on the global the environment reads', () => {
    recordFailedCommand(['nssv', 'apply'], 1, 'boom');
    expect((globalThis as unknown as Record<string, unknown>).__nssvFailedCommands).toEqual([
      { command: 'nssv apply', exitCode: 1, stderr: 'boom' },
    ]);
  });
});
