import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

describe('ApplyJournal.retain', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nssv-journal-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

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
