import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplyJournal } from '../../../engine/journal/applyJournal.js';
import type { StateResource } from '../../../planner/state/types.js';

const entry = (address: string): StateResource => ({
  address,
  type: address.split('.')[0]!,
  attributes: { name: address.split('.')[1]! },
  dependencies: [],
  sensitivePaths: [],
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nssv-journal-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ApplyJournal.retain', () => {
  it('GIVEN three started creates WHEN one failed THEN only its entry stays, whole and readable', async () => {
    const j = new ApplyJournal(dir);
    for (const a of ['nssv_volume.a', 'nssv_vm.b', 'nssv_volume.c']) await j.started(entry(a));
    await j.retain(new Set(['nssv_vm.b', 'nssv_vm.never_started']));
    expect(await j.pending()).toEqual([entry('nssv_vm.b')]);
    expect(readFileSync(j.path, 'utf8')).toBe(JSON.stringify(entry('nssv_vm.b')) + '\n');
    expect(existsSync(`${j.path}.next`)).toBe(false);
  });

  it('GIVEN started creates WHEN none failed THEN the journal is gone', async () => {
    const j = new ApplyJournal(dir);
    await j.started(entry('nssv_volume.a'));
    await j.retain(new Set());
    expect(existsSync(j.path)).toBe(false);
  });
});

describe('ApplyJournal.started', () => {
  it('GIVEN 500 creates started at once THEN each has one whole line, in a private file and directory', async () => {
    const j = new ApplyJournal(dir);
    const addresses = Array.from({ length: 500 }, (_, i) => `nssv_volume.v${i}`);
    await Promise.all(addresses.map((a) => j.started(entry(a))));
    await j.close();
    const lines = readFileSync(j.path, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => (JSON.parse(l) as StateResource).address).sort()).toEqual([...addresses].sort());
    expect(statSync(j.path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, '.nssv')).mode & 0o777).toBe(0o700);
  });

  it('GIVEN a closed journal WHEN another create starts THEN it is appended after the earlier entries', async () => {
    const j = new ApplyJournal(dir);
    await j.started(entry('nssv_volume.a'));
    await j.close();
    await j.close();
    await j.started(entry('nssv_volume.b'));
    await j.close();
    expect((await j.pending()).map((r) => r.address)).toEqual(['nssv_volume.a', 'nssv_volume.b']);
  });

  it('GIVEN the journal cannot be made THEN started fails, and succeeds once it can', async () => {
    writeFileSync(join(dir, '.nssv'), 'a file where the directory goes');
    const j = new ApplyJournal(dir);
    await expect(j.started(entry('nssv_volume.a'))).rejects.toThrow(/EEXIST|ENOTDIR/);
    rmSync(join(dir, '.nssv'));
    await j.started(entry('nssv_volume.a'));
    await j.close();
    expect((await j.pending()).map((r) => r.address)).toEqual(['nssv_volume.a']);
  });
});
