import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyState, type State } from '../../../planner/state/types.js';
import { writeInitRecord } from '../../../provider/state/initRecord.js';
import { readLocalState } from '../../../provider/state/readLocalState.js';

const host = (name: string, endpoint: string): State['resources'][number] => ({
  address: `nssv_host.${name}`,
  type: 'nssv_host',
  attributes: { name, cluster_id: 'c', endpoint, token: `t-${name}`, id: name },
  dependencies: [],
  sensitivePaths: ['token'],
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nssv-read-local-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (s: unknown): void => writeFileSync(join(dir, 'nssv.tfstate'), JSON.stringify(s));

describe('readLocalState', () => {
  it('GIVEN a local state THEN it is read with its store, as a plan reads it', async () => {
    write({ ...emptyState('L'), serial: 2, resources: [host('h1', 'https://a:8443')] });
    const read = await readLocalState(dir);
    expect(read?.state).toMatchObject({ lineage: 'L', serial: 2, resources: [{ address: 'nssv_host.h1' }] });
    expect(read?.store.where).toBe(join(dir, 'nssv.tfstate'));
    await read?.store.close();
  });

  it('GIVEN no state THEN an empty one', async () => {
    const read = await readLocalState(dir);
    expect(read?.state.resources).toEqual([]);
    await read?.store.close();
  });

  it('GIVEN a state that is not JSON, one too new, or a directory set up for PostgreSQL THEN none', async () => {
    writeFileSync(join(dir, 'nssv.tfstate'), '{ not json');
    expect(await readLocalState(dir)).toBeUndefined();
    write({ ...emptyState('L'), version: 99, resources: [host('h1', 'http://a:1')] });
    expect(await readLocalState(dir)).toBeUndefined();
    write({ ...emptyState('L'), serial: 2, resources: [host('h1', 'http://a:1')] });
    await writeInitRecord(dir, { type: 'pg', connStr: 'postgres://x/y', schemaName: 's' });
    expect(await readLocalState(dir)).toBeUndefined();
  });

  it('GIVEN beforeParse THEN it is given the stored text before the checks, also when they then fail; not without a state', async () => {
    const texts: string[] = [];
    const beforeParse = (text: string): void => void texts.push(text);
    const good = { ...emptyState('L'), serial: 2, resources: [host('h1', 'https://a:8443')] };
    write(good);
    const read = await readLocalState(dir, { beforeParse });
    await read?.store.close();
    write({ ...good, version: 99 });
    expect(await readLocalState(dir, { beforeParse })).toBeUndefined();
    expect(texts).toEqual([JSON.stringify(good), JSON.stringify({ ...good, version: 99 })]);
    rmSync(join(dir, 'nssv.tfstate'));
    (await readLocalState(dir, { beforeParse }))?.store.close();
    expect(texts).toHaveLength(2);
  });
});
