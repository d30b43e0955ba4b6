import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStateStore } from '../../../provider/state/open.js';
import { stillStored } from '../../../provider/state/stillStored.js';
import { emptyState } from '../../../planner/state/types.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nssv-still-stored-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('stillStored', () => {
  it('GIVEN the state read and nothing written since THEN that state', async () => {
    const writer = await openStateStore(dir, undefined);
    await writer.write(emptyState('L'));
    const reader = await openStateStore(dir, undefined);
    const read = await reader.read();
    expect(await stillStored(reader, read)).toBe(read);
  });

  it('GIVEN another process wrote the state after the read THEN undefined (read it again)', async () => {
    const writer = await openStateStore(dir, undefined);
    await writer.write(emptyState('L'));
    const reader = await openStateStore(dir, undefined);
    const read = await reader.read();
    await writer.write({ ...(await writer.read()), outputs: { a: { value: 1, sensitive: false } } });
    expect(await stillStored(reader, read)).toBeUndefined();
  });

  it('GIVEN no state read THEN undefined', async () => {
    const reader = await openStateStore(dir, undefined);
    expect(await stillStored(reader, undefined)).toBeUndefined();
  });
});
