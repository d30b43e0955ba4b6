import { join } from 'node:path';
import { execa } from 'execa';
import { jest } from '@jest/globals';
import { e2eOptedOut, missingForE2e } from './e2e.js';
import { repo } from '../e2e/support.js';

jest.setTimeout(120_000);

/** Jest on the fixture suite alone, as `npm test` would run it, with `env` added. */
async function runFixture(env: Record<string, string>) {
  const r = await execa(
    process.execPath,
    [
      '--experimental-vm-modules',
      '--no-warnings=ExperimentalWarning',
      join(repo, 'node_modules/jest/bin/jest.js'),
      '--testMatch',
      '**/test/fixtures/e2eGate/*.fixture.ts',
      '--maxWorkers=1',
    ],
    { cwd: repo, reject: false, env: { ...env, CI: 'true' } },
  );
  return { code: r.exitCode, output: r.stdout + r.stderr };
}

describe('end-to-end gate', () => {
  test('GIVEN what suites may need WHEN something is missing THEN it is named with how to get it', () => {
    expect(missingForE2e({ root: true, tools: ['nssv-no-such-tool', 'virsh'] }, false)).toEqual([
      'root (run the tests as root)',
      'tools nssv-no-such-tool (packages nssv-no-such-tool: bash scripts/setup-host.sh)',
    ]);
    expect(
      missingForE2e({ files: [{ path: '/nonexistent/agentd.js', make: 'npm run build' }] }, true),
    ).toEqual(['/nonexistent/agentd.js (npm run build)']);
    expect(missingForE2e({ root: true, tools: ['virsh'] }, true)).toEqual([]);
  });

  test('GIVEN NSSV_E2E WHEN read THEN only run, skip or nothing are accepted', () => {
    expect(e2eOptedOut({})).toBe(false);
    expect(e2eOptedOut({ NSSV_E2E: 'run' })).toBe(false);
    expect(e2eOptedOut({ NSSV_E2E: 'skip' })).toBe(true);
    expect(() => e2eOptedOut({ NSSV_E2E: 'no' })).toThrow(
      'NSSV_E2E="no" is not understood: allowed are "run" (the default) and "skip"',
    );
  });

  test('GIVEN a suite whose tool is missing WHEN run THEN it fails saying what is missing', async () => {
    const r = await runFixture({ NSSV_E2E: '' });
    expect(r.code).toBe(1);
    expect(r.output).toContain(
      'a suite that needs a tool nobody has: cannot run, missing tools nssv-no-such-tool (packages nssv-no-such-tool: bash scripts/setup-host.sh). Install what is missing, or opt out of the end-to-end suites explicitly with NSSV_E2E=skip.',
    );
    expect(r.output).toContain('Tests:       1 failed, 1 total');
  });

  test('GIVEN NSSV_E2E=skip WHEN the suite runs THEN it is skipped and the summary says so', async () => {
    const r = await runFixture({ NSSV_E2E: 'skip' });
    expect(r.code).toBe(0);
    expect(r.output).toContain('Tests:       1 skipped, 1 total');
    expect(r.output).toContain(
      'NSSV_E2E=skip: the end-to-end suites against the real tools were NOT run (1 test skipped by this opt-out).',
    );
  });
});
