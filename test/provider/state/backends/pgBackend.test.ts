import { jest } from '@jest/globals';
import { DiagnosticsError } from '../../../../core/diagnostic.js';
import { PgBackend } from '../../../../provider/state/backends/pgBackend.js';
import { newLockInfo } from '../../../../provider/state/lockInfo.js';
import { startPostgres, type TestPostgres } from '../../../helpers/postgres.js';

jest.setTimeout(120_000);

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  await pg?.stop();
});

const backend = (schemaName = 'nssv_test') => new PgBackend({ connString: pg.connStr, schemaName });
const diag = async (p: Promise<unknown>) =>
  ((await p.catch((e: unknown) => e)) as DiagnosticsError).diagnostics[0]!;

describe('PgBackend (real PostgreSQL)', () => {
  test('GIVEN a new schema THEN it is created; every written version is kept in the history', async () => {
    const b = backend('hist');
    expect(await b.readText()).toBeUndefined();
    await b.writeText('{"serial":1}', 1, 'L');
    await b.writeText('{"serial":2}', 2, 'L');
    expect(await b.readText()).toBe('{"serial":2}');
    const h = await b.history();
    expect(h.map((v) => [v.serial, v.lineage, v.current])).toEqual([
      [2, 'L', true],
      [1, 'L', false],
    ]);
    expect(await b.readVersion(1)).toBe('{"serial":1}');
    expect(await pg.sql('SELECT count(*) FROM hist.state_history')).toBe('2');
    await b.close();
  });

  test('GIVEN one holder of the lock THEN another is refused naming it; the lock goes with the holder', async () => {
    const a = backend('locks');
    const b = backend('locks');
    const held = { ...newLockInfo('nssv apply'), pid: 4242, host: 'ci-runner-7' };
    await a.lock(held);
    const d = await diag(b.lock(newLockInfo('nssv apply')));
    expect(d.code).toBe('NSSV_STATE_LOCKED');
    expect(d.summary).toBe(
      `the state is locked by nssv apply (pid 4242 on ci-runner-7, since ${held.startedAt}; lock ID ${held.id})`,
    );
    expect(d.detail).toContain(`nssv force-unlock ${held.id}`);
    await a.close(); // the holder's session ends: the advisory lock is released with it
    await b.lock(newLockInfo('nssv apply'));
    await b.close();
  });

  test('GIVEN a hung holder WHEN force-unlock is given its ID THEN its session ends and the state is free', async () => {
    const hung = backend('force');
    const other = backend('force');
    const info = newLockInfo('nssv apply');
    await hung.lock(info);
    expect((await diag(other.forceUnlock('not-the-id'))).code).toBe('NSSV_STATE_LOCK_ID_MISMATCH');
    expect((await other.forceUnlock(info.id)).id).toBe(info.id);
    await other.lock(newLockInfo('nssv apply'));
    expect((await diag(backend('force').forceUnlock('x'))).code).toBe('NSSV_STATE_LOCK_ID_MISMATCH');
    await other.close();
    expect((await diag(backend('force').forceUnlock('x'))).code).toBe('NSSV_STATE_NOT_LOCKED');
    await hung.close();
  });

  test('GIVEN no server THEN NSSV_BACKEND_UNREACHABLE, with the password masked', async () => {
    const b = new PgBackend({
      connString: 'postgresql://u:s3cret@/db?host=/nonexistent-socket-dir',
      schemaName: 's',
    });
    const d = await diag(b.readText());
    expect(d.code).toBe('NSSV_BACKEND_UNREACHABLE');
    expect(d.summary).toContain('postgresql://u:***@/db');
    expect(d.summary).not.toContain('s3cret');
  });
});
