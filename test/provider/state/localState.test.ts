import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticsError } from '../../../core/diagnostic.js';
import { LocalStateStore } from '../../../provider/state/localState.js';

describe('LocalStateStore', () => {
  test('GIVEN no state file THEN read gives an empty state, and writes advance the serial with a backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-state-'));
    const store = new LocalStateStore(dir);
    const s0 = await store.read();
    expect(s0.resources).toEqual([]);
    const s1 = await store.write(s0);
    expect(s1.serial).toBe(1);
    await store.write(s1);
    expect(JSON.parse(readFileSync(join(dir, 'nssv.tfstate.backup'), 'utf8')).serial).toBe(1);
    expect((await store.read()).serial).toBe(2);
    expect(statSync(join(dir, 'nssv.tfstate')).mode & 0o777).toBe(0o600);
  });

  test('GIVEN a held lock WHEN another run locks THEN it is refused naming the holder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-state-'));
    const a = new LocalStateStore(dir);
    await a.lock('nssv apply');
    const b = new LocalStateStore(dir);
    const err = await b.lock('nssv apply').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiagnosticsError);
    const d = (err as DiagnosticsError).diagnostics[0]!;
    expect(d.code).toBe('NSSV_STATE_LOCKED');
    expect(d.summary).toMatch(
      new RegExp(
        `^the state is locked by nssv apply \\(pid ${process.pid} on .+, since .+; lock ID [0-9a-f-]{36}\\)$`,
      ),
    );
    await a.unlock();
    await b.lock('nssv apply');
    await b.unlock();
  });

  test('GIVEN a lock left by a dead process THEN it is taken over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-state-'));
    const { hostname } = await import('node:os');
    writeFileSync(
      join(dir, 'nssv.tfstate.lock'),
      JSON.stringify({ pid: 999999, host: hostname(), operation: 'nssv apply', startedAt: 'x' }),
    );
    const s = new LocalStateStore(dir);
    await s.lock('nssv apply');
    const lockFile = join(dir, 'nssv.tfstate.lock');
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({
      pid: process.pid,
      operation: 'nssv apply',
    });
    await s.unlock();
    expect(existsSync(lockFile)).toBe(false);
  });

  test('GIVEN a corrupt state file THEN read explains how to recover', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-state-'));
    writeFileSync(join(dir, 'nssv.tfstate'), '{nope');
    const err = (await new LocalStateStore(dir).read().catch((e: unknown) => e)) as DiagnosticsError;
    expect(err.diagnostics[0]!.code).toBe('NSSV_STATE_CORRUPT');
    expect(err.diagnostics[0]!.detail).toBe(
      `There is no ${join(dir, 'nssv.tfstate')}.backup to restore. Fix the file, or move it away to start from empty state (nssv will then refuse to take over what exists on the hosts).`,
    );
    writeFileSync(join(dir, 'nssv.tfstate.backup'), '{}');
    const again = (await new LocalStateStore(dir).read().catch((e: unknown) => e)) as DiagnosticsError;
    expect(again.diagnostics[0]!.detail).toBe(
      `Restore it from ${join(dir, 'nssv.tfstate')}.backup, or move it away to start from empty state.`,
    );
  });
});

test('GIVEN state entries of unknown shape or type THEN read names the entry and the problem', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-state-'));
  const write = (resources: unknown[], version = 1) =>
    writeFileSync(join(dir, 'nssv.tfstate'), JSON.stringify({ version, serial: 1, lineage: 'L', resources }));
  const summary = async () =>
    ((await new LocalStateStore(dir).read().catch((e: unknown) => e)) as DiagnosticsError).diagnostics[0]!
      .summary;
  write([{ address: 'nssv_vm.zz' }]);
  expect(await summary()).toBe(
    `the state file ${join(dir, 'nssv.tfstate')} cannot be read: resources[0] (nssv_vm.zz) has no "type"`,
  );
  write([{ address: 'nssv_foo.x', type: 'nssv_foo', attributes: {}, dependencies: [], sensitivePaths: [] }]);
  expect(await summary()).toBe(
    `the state file ${join(dir, 'nssv.tfstate')} cannot be read: resources[0] (nssv_foo.x) has type "nssv_foo", which this nssv does not know`,
  );
  write([], 99);
  expect(await summary()).toBe(
    `the state file ${join(dir, 'nssv.tfstate')} cannot be read: it has format version 99, written by a newer nssv (this one reads versions 1 to 2); upgrade nssv`,
  );
});

describe('LocalStateStore change log', () => {
  const r = (address: string, n: number) => ({
    address,
    type: 'nssv_volume',
    attributes: { n },
    dependencies: [],
    sensitivePaths: [],
  });

  test('GIVEN no stored state THEN changes cannot be appended (the first write is whole)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-state-'));
    const store = new LocalStateStore(dir);
    await store.read();
    expect(store.appendsChanges).toBe(false);
    await store.write(await store.read());
    expect(store.appendsChanges).toBe(true);
  });

  test('GIVEN changes appended to a stored state WHEN read (as after a crash) THEN they are applied in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-state-'));
    const store = new LocalStateStore(dir);
    const s1 = await store.write({ ...(await store.read()), resources: [r('nssv_volume.a', 1)] });
    await store.appendChanges(s1, [
      { address: 'nssv_volume.c', resource: r('nssv_volume.c', 1) },
      { address: 'nssv_volume.a', resource: null },
    ]);
    await store.appendChanges(s1, [{ address: 'nssv_volume.b', resource: r('nssv_volume.b', 2) }]);
    const lines = readFileSync(join(dir, 'nssv.tfstate.changes'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!)).toEqual({
      lineage: s1.lineage,
      serial: 1,
      address: 'nssv_volume.c',
      resource: r('nssv_volume.c', 1),
    });
    expect(statSync(join(dir, 'nssv.tfstate.changes')).mode & 0o777).toBe(0o600);
    // the state file itself is untouched
    expect(JSON.parse(readFileSync(join(dir, 'nssv.tfstate'), 'utf8')).resources).toEqual([
      r('nssv_volume.a', 1),
    ]);

    const after = await new LocalStateStore(dir).read();
    expect(after.serial).toBe(1);
    expect(after.resources).toEqual([r('nssv_volume.b', 2), r('nssv_volume.c', 1)]);
  });

  test('GIVEN a log line cut short by a crash THEN the whole lines before it are applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-state-'));
    const store = new LocalStateStore(dir);
    const s1 = await store.write(await store.read());
    await store.appendChanges(s1, [{ address: 'nssv_volume.a', resource: r('nssv_volume.a', 1) }]);
    writeFileSync(join(dir, 'nssv.tfstate.changes'), '{"lineage":"', { flag: 'a' });
    expect((await new LocalStateStore(dir).read()).resources).toEqual([r('nssv_volume.a', 1)]);
  });

  test('GIVEN a whole write THEN the log is removed, and entries of an older serial are never applied again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-state-'));
    const store = new LocalStateStore(dir);
    const s1 = await store.write(await store.read());
    await store.appendChanges(s1, [{ address: 'nssv_volume.a', resource: r('nssv_volume.a', 1) }]);
    const stale = readFileSync(join(dir, 'nssv.tfstate.changes'), 'utf8');
    const s2 = await store.write(await store.read());
    expect(s2.resources).toEqual([r('nssv_volume.a', 1)]);
    expect(existsSync(join(dir, 'nssv.tfstate.changes'))).toBe(false);
    // a crash between the whole write and the log's removal leaves entries for serial 1
    writeFileSync(join(dir, 'nssv.tfstate.changes'), stale.replace('"resource":{', '"resource":{"x":1,'));
    const read = await new LocalStateStore(dir).read();
    expect(read.serial).toBe(2);
    expect(read.resources).toEqual([r('nssv_volume.a', 1)]);
  });
});
