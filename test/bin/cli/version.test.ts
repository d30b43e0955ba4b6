import { Config } from '@oclif/core';
import { execa } from 'execa';
import { join } from 'node:path';
import { repo } from '../../e2e/support.js';

describe('nssv --version', () => {
  it('GIVEN the built CLI WHEN nssv --version THEN it prints what oclif would, without loading the CLI', async () => {
    const config = await Config.load(repo);
    const r = await execa(process.execPath, [join(repo, 'bin/nssv.cjs'), '--version'], { reject: false });
    expect({ code: r.exitCode, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 0,
      stdout: config.userAgent,
      stderr: '',
    });
  });
});
