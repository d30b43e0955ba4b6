import { CephCli } from '../../../agentd/ceph/cli.js';
import {
  DATA_TOOL_TIMEOUT_MS,
  DEFAULT_TOOL_TIMEOUT_MS,
  type Exec,
  type ExecOptions,
  type ExecResult,
} from '../../../agentd/util/exec.js';

const ENOENT = /\(2\) No such file or directory/;
const DU_RACED = 'rbd: du failed: (2) No such file or directory';

/** The `rbd` CLI faked at the exec boundary: these results in turn, every call recorded. */
function cli(results: ExecResult[]) {
  const calls: string[][] = [];
  const options: (ExecOptions | undefined)[] = [];
  const exec: Exec = async (file, args, o) => {
    calls.push([file, ...args]);
    options.push(o);
    return results.shift() ?? { exitCode: 99, stdout: '', stderr: 'no more results' };
  };
  return {
    calls,
    options,
    cli: new CephCli(exec, { confFile: '/c.conf', keyringFile: '/k', user: 'admin' }),
  };
}

const ok = (value: unknown): ExecResult => ({ exitCode: 0, stdout: JSON.stringify(value), stderr: '' });
const failed = (stderr: string): ExecResult => ({ exitCode: 2, stdout: '', stderr });
/** The client options every call starts with (conf, user, keyring). */
const CLIENT = ['-c', '/c.conf', '--id', 'admin', '--keyring', '/k'];

describe('CephCli.jsonRetrying', () => {
  test('GIVEN rbd du racing an image delete twice WHEN measured THEN it is run again and the third answer is used', async () => {
    const { calls, cli: c } = cli([failed(DU_RACED), failed(DU_RACED), ok({ images: [] })]);
    expect(await c.jsonRetrying('rbd', ['du', '-p', 'nssv.p'], 'measure images in nssv.p', ENOENT)).toEqual({
      images: [],
    });
    expect(calls).toHaveLength(3);
    expect(calls[2]).toEqual(['rbd', ...CLIENT, 'du', '-p', 'nssv.p', '--format', 'json']);
  });

  test('GIVEN the race every time WHEN measured THEN the third failure is the error', async () => {
    const { calls, cli: c } = cli([failed(DU_RACED), failed(DU_RACED), failed(DU_RACED)]);
    await expect(
      c.jsonRetrying('rbd', ['du', '-p', 'nssv.p'], 'measure images in nssv.p', ENOENT),
    ).rejects.toMatchObject({
      code: 'tool_failed',
      message: `measure images in nssv.p: rbd exited with 2: ${DU_RACED}`,
    });
    expect(calls).toHaveLength(3);
  });

  test('GIVEN another failure WHEN measured THEN it is the error at once', async () => {
    const { calls, cli: c } = cli([failed('rbd: du failed: (13) Permission denied')]);
    await expect(
      c.jsonRetrying('rbd', ['du', '-p', 'nssv.p'], 'measure images in nssv.p', ENOENT),
    ).rejects.toMatchObject({
      message: 'measure images in nssv.p: rbd exited with 2: rbd: du failed: (13) Permission denied',
    });
    expect(calls).toHaveLength(1);
  });
});

describe('CephCli.jsonUnless', () => {
  test('GIVEN a pool deleted since it was listed WHEN its images are listed THEN undefined', async () => {
    const { cli: c } = cli([failed("rbd: error opening pool 'nssv.p': (2) No such file or directory")]);
    expect(
      await c.jsonUnless('rbd', ['ls', '-l', 'nssv.p'], 'list images in nssv.p', ENOENT),
    ).toBeUndefined();
  });

  test('GIVEN the images WHEN listed THEN they are parsed; another failure is an error', async () => {
    const { cli: c } = cli([ok([{ image: 'v', size: 1 }]), failed('rbd: connect timed out')]);
    expect(await c.jsonUnless('rbd', ['ls', '-l', 'nssv.p'], 'list images in nssv.p', ENOENT)).toEqual([
      { image: 'v', size: 1 },
    ]);
    await expect(
      c.jsonUnless('rbd', ['ls', '-l', 'nssv.p'], 'list images in nssv.p', ENOENT),
    ).rejects.toMatchObject({ message: 'list images in nssv.p: rbd exited with 2: rbd: connect timed out' });
  });
});

describe("CephCli on an image's data", () => {
  test('GIVEN an rbd import WHEN run THEN it may take as long as a copy (an hour), not the minute of a query', async () => {
    const { calls, options, cli: c } = cli([ok(''), ok(''), ok('')]);
    await c.runOnData(['import', '--no-progress', '/i.raw', 'nssv-images.s/i'], 'import nssv-images.s/i');
    await c.callOnData(['rm', '--no-progress', 'nssv.p/v'], 'delete image nssv.p/v');
    await c.run('rbd', ['info', 'nssv.p/v'], 'inspect nssv.p/v');
    expect(calls[0]).toEqual(['rbd', ...CLIENT, 'import', '--no-progress', '/i.raw', 'nssv-images.s/i']);
    expect(options.map((o) => o?.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS)).toEqual([
      60 * 60_000,
      60 * 60_000,
      DEFAULT_TOOL_TIMEOUT_MS,
    ]);
    expect(DATA_TOOL_TIMEOUT_MS).toBe(60 * 60_000);
  });

  test("GIVEN a failing import WHEN run THEN a tool_failed error names it with rbd's first stderr line", async () => {
    const { cli: c } = cli([failed('rbd: image creation failed\nmore')]);
    await expect(
      c.runOnData(['import', '--no-progress', '/i.raw', 'nssv-images.s/i'], 'import nssv-images.s/i'),
    ).rejects.toMatchObject({
      code: 'tool_failed',
      message: 'import nssv-images.s/i: rbd exited with 2: rbd: image creation failed',
    });
  });
});
