import { jest } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticsError } from '../../../core/diagnostic.js';
import type { StateSettings } from '../../../planner/config/stateSettings.js';
import type { State } from '../../../planner/state/types.js';
import { LocalStateStore } from '../../../provider/state/localState.js';
import { initBackend } from '../../../provider/state/migrate.js';
import { openStateStore, storeFor } from '../../../provider/state/open.js';
import { startPostgres, type TestPostgres } from '../../helpers/postgres.js';

jest.setTimeout(120_000);

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  await pg?.stop();
});

const state = (serial: number, lineage: string): State => ({
  version: 2,
  serial,
  lineage,
  resources: [
    {
      address: 'nssv_datacenter.dc',
      type: 'nssv_datacenter',
      attributes: { name: 'dc' },
      dependencies: [],
      sensitivePaths: [],
    },
  ],
});
const local: StateSettings = { backend: { type: 'local' } };
const onPg = (schemaName: string): StateSettings => ({
  backend: { type: 'pg', connStr: pg.connStr, schemaName },
});
const opts = { migrateState: false, reconfigure: false, forceCopy: false };
const diag = async (p: Promise<unknown>) =>
  ((await p.catch((e: unknown) => e)) as DiagnosticsError).diagnostics[0]!;

describe('nssv init', () => {
  test('GIVEN a local state WHEN the backend becomes pg THEN init without -migrate-state refuses, with it copies exactly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-init-'));
    await new LocalStateStore(dir).replace(state(4, 'L1'));
    expect((await diag(openStateStore(dir, onPg('m1')))).code).toBe('NSSV_BACKEND_INIT_REQUIRED');
    expect((await diag(initBackend(dir, onPg('m1'), opts))).code).toBe('NSSV_BACKEND_CHANGED');
    const r = await initBackend(dir, onPg('m1'), { ...opts, migrateState: true });
    expect(r).toMatchObject({ kind: 'migrated', state: state(4, 'L1') });
    const there = await openStateStore(dir, onPg('m1'));
    expect(await there.read()).toEqual(state(4, 'L1'));
    await there.close();
    expect(readFileSync(join(dir, '.nssv', 'backend.json'), 'utf8')).toContain('"type": "pg"');
  });

  test('GIVEN the new backend holds another history THEN migration refuses unless -force-copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-init-'));
    await new LocalStateStore(dir).replace(state(2, 'MINE'));
    const theirs = storeFor(dir, onPg('m2'));
    await theirs.replace(state(7, 'THEIRS'));
    await theirs.close();
    const d = await diag(initBackend(dir, onPg('m2'), { ...opts, migrateState: true }));
    expect(d.code).toBe('NSSV_BACKEND_MIGRATE_CONFLICT');
    expect(d.summary).toContain('has another history than the one to copy (serial 2, lineage MINE)');
    expect(existsSync(join(dir, '.nssv', 'backend.json'))).toBe(false);
    await initBackend(dir, onPg('m2'), { ...opts, migrateState: true, forceCopy: true });
    const s = await openStateStore(dir, onPg('m2'));
    expect((await s.read()).lineage).toBe('MINE');
    await s.close();
  });

  test('GIVEN a fresh directory WHEN init with pg THEN nothing to migrate, and back to local needs -migrate-state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-init-'));
    expect(await initBackend(dir, onPg('m3'), opts)).toMatchObject({ kind: 'unchanged' });
    expect((await diag(openStateStore(dir, local))).code).toBe('NSSV_BACKEND_INIT_REQUIRED');
    expect(await initBackend(dir, local, { ...opts, reconfigure: true })).toMatchObject({
      kind: 'reconfigured',
    });
    await (await openStateStore(dir, local)).close();
  });
});
