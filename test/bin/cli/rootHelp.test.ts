import { execa } from 'execa';
import { join } from 'node:path';
import { repo } from '../../e2e/support.js';

/** The help @oclif/core itself (not bundled, with its own ejs) prints for these arguments. */
async function oclifHelp(args: string[]): Promise<string> {
  const script = [
    "const { run, flush, settings } = require('@oclif/core');",
    'settings.enableAutoTranspile = false;',
    `run(${JSON.stringify(args)}, ${JSON.stringify(repo)}).then(flush);`,
  ].join('\n');
  const r = await execa(process.execPath, ['-e', script], { cwd: repo, reject: false });
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

describe('nssv --help', () => {
  it.each([[['--help']], [[]]])(
    'GIVEN the built CLI WHEN nssv %j THEN the help bundle prints exactly what oclif prints',
    async (args) => {
      const r = await execa(process.execPath, [join(repo, 'bin/nssv.cjs'), ...args], { reject: false });
      expect({ code: r.exitCode, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      expect(r.stdout).toContain('COMMANDS\n  apply ');
      expect(r.stdout).toBe(await oclifHelp(args));
    },
  );

  it('GIVEN the built CLI WHEN a command asks for help THEN the full CLI prints exactly what oclif prints', async () => {
    const r = await execa(process.execPath, [join(repo, 'bin/nssv.cjs'), 'plan', '--help'], {
      reject: false,
    });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(await oclifHelp(['plan', '--help']));
    expect(r.stdout).toContain('-detailed-exitcode');
  });
});
