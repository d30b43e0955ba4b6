/**
 * --root and --emit take directories: a regular file there (or above) is refused before anything
 * starts, in the user's terms, by up, status, down and the library — never a raw EEXIST/ENOTDIR.
 */
import { jest } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SandboxUp from '../../bin/commands/sandbox/up.js';
import SandboxStatusCommand from '../../bin/commands/sandbox/status.js';
import { repoRoot } from '../../sandbox/agent.js';
import { readSandboxInfo, sandboxDown, sandboxStatus, sandboxUp } from '../../sandbox/index.js';

let dir = '';
let file = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nssv-dirs-'));
  file = path.join(dir, 'afile');
  writeFileSync(file, 'not a directory\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rootIsFile = (root: string): string =>
  `--root ${root} is a file; it takes a directory (where the sandbox keeps its state and host files).`;
const rootFix = 'Fix: pass a directory (it is created if missing), or move the file away.';

describe('--root that is a file', () => {
  it('GIVEN up, status, down or readSandboxInfo THEN each says the root is a file and how to fix it', async () => {
    const expected = { code: 'invalid_option', message: rootIsFile(file), hint: rootFix };
    await expect(sandboxUp({ root: file, name: 'qadirs', hosts: 1, agentdMain: null })).rejects.toMatchObject(
      expected,
    );
    await expect(sandboxStatus({ root: file })).rejects.toMatchObject(expected);
    await expect(sandboxDown({ root: file })).rejects.toMatchObject(expected);
    expect(() => readSandboxInfo({ root: file })).toThrow(rootIsFile(file));
  });

  it('GIVEN a root below a file THEN it names the file in the way', async () => {
    await expect(sandboxStatus({ root: path.join(file, 'sub') })).rejects.toMatchObject({
      message: `--root ${file}/sub is inside ${file}, which is a file; it takes a directory (where the sandbox keeps its state and host files).`,
      hint: rootFix,
    });
  });

  it('GIVEN NSSV_SANDBOX_ROOT is a file THEN the message names the variable', async () => {
    const saved = process.env['NSSV_SANDBOX_ROOT'];
    process.env['NSSV_SANDBOX_ROOT'] = file;
    try {
      await expect(sandboxStatus()).rejects.toMatchObject({
        message: `NSSV_SANDBOX_ROOT=${file} is a file; it takes a directory (where the sandbox keeps its state and host files).`,
      });
    } finally {
      if (saved === undefined) delete process.env['NSSV_SANDBOX_ROOT'];
      else process.env['NSSV_SANDBOX_ROOT'] = saved;
    }
  });
});

describe('--emit that is a file', () => {
  it('GIVEN up --emit FILE THEN it is refused before anything starts', async () => {
    const root = path.join(dir, 'root');
    await expect(
      sandboxUp({ root, name: 'qadirs', hosts: 1, emitDir: file, agentdMain: null }),
    ).rejects.toMatchObject({
      code: 'invalid_option',
      message: `--emit ${file} is a file; it takes a directory (where sandbox.tf is written).`,
      hint: 'Fix: pass a directory (it is created if missing).',
    });
    await expect(
      sandboxUp({ root, name: 'qadirs', hosts: 1, emitDir: path.join(file, 'x'), agentdMain: null }),
    ).rejects.toMatchObject({
      message: `--emit ${file}/x is inside ${file}, which is a file; it takes a directory (where sandbox.tf is written).`,
    });
  });
});

describe('the commands print these errors in house style', () => {
  async function runCommand(run: () => Promise<unknown>): Promise<{ stderr: string; exit: unknown }> {
    let stderr = '';
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    let exit: unknown;
    try {
      await run();
    } catch (e) {
      exit = (e as { oclif?: { exit?: number } }).oclif?.exit;
    } finally {
      spy.mockRestore();
    }
    return { stderr, exit };
  }

  it.each([
    ['0', '--hosts 0 is out of range: it takes a whole number of hosts from 1 to 64.'],
    ['1000', '--hosts 1000 is out of range: it takes a whole number of hosts from 1 to 64.'],
  ])('GIVEN up --hosts %s THEN value, range and fix, exit 1', async (hosts, message) => {
    const root = path.join(dir, 'never');
    const r = await runCommand(() => SandboxUp.run(['--hosts', hosts, '--root', root], repoRoot()));
    expect(r).toEqual({
      stderr: `Error: ${message}\nFix: pass --hosts with a value from 1 to 64, e.g. --hosts 2.\n`,
      exit: 1,
    });
  });

  it('GIVEN status --root FILE THEN it says the root is a file, exit 1', async () => {
    const r = await runCommand(() => SandboxStatusCommand.run(['--root', file], repoRoot()));
    expect(r).toEqual({ stderr: `Error: ${rootIsFile(file)}\n${rootFix}\n`, exit: 1 });
  });
});
