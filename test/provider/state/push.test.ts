import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticsError } from '../../../core/diagnostic.js';
import type { State } from '../../../planner/state/types.js';
import { LocalStateStore } from '../../../provider/state/localState.js';
import { parsePushed, pushState } from '../../../provider/state/push.js';

const s = (serial: number, lineage = 'L', names: string[] = ['dc']): State => ({
  version: 2,
  serial,
  lineage,
  resources: names.map((n) => ({
    address: `nssv_datacenter.${n}`,
    type: 'nssv_datacenter',
    attributes: { name: n },
    dependencies: [],
    sensitivePaths: [],
  })),
});
const code = async (p: Promise<unknown>) =>
  ((await p.catch((e: unknown) => e)) as DiagnosticsError).diagnostics[0]!.code;

describe('nssv state push', () => {
  test('GIVEN a stored state THEN a newer one of the same lineage is written as is; older, other lineage or same serial with other content are refused', async () => {
    const store = new LocalStateStore(mkdtempSync(join(tmpdir(), 'nssv-push-')));
    await store.replace(s(5));
    expect(await code(pushState(store, s(4), false))).toBe('NSSV_STATE_PUSH_OLDER');
    expect(await code(pushState(store, s(6, 'OTHER'), false))).toBe('NSSV_STATE_PUSH_LINEAGE');
    expect(await code(pushState(store, s(5, 'L', ['x']), false))).toBe('NSSV_STATE_PUSH_OLDER');
    expect(await pushState(store, s(5), false)).toEqual(s(5));
    expect((await pushState(store, s(9, 'L', ['a', 'b']), false)).serial).toBe(9);
    expect(await store.read()).toEqual(s(9, 'L', ['a', 'b']));
  });

  test('GIVEN -force THEN another lineage is written as the next serial', async () => {
    const store = new LocalStateStore(mkdtempSync(join(tmpdir(), 'nssv-push-')));
    await store.replace(s(5));
    const w = await pushState(store, s(1, 'OTHER'), true);
    expect([w.serial, w.lineage]).toEqual([6, 'OTHER']);
  });

  test('GIVEN a file that is no state, or an encrypted one THEN it is refused before anything is read', () => {
    expect(() => parsePushed('{"version":1}', 'f.json')).toThrow(
      'f.json is not an nssv state: "serial" or "lineage" is missing',
    );
    expect(() => parsePushed('{"encryption_version":"v0"}', 'e.json')).toThrow(
      'e.json is an encrypted state',
    );
    expect(() => parsePushed('nope', 'n.json')).toThrow(/^n.json is not JSON/);
  });
});

describe('the backend nssv init set up', () => {
  test('GIVEN the same server with another password THEN it is the same backend; another database or schema is not', async () => {
    const { sameBackend } = await import('../../../provider/state/initRecord.js');
    const pg = (connStr: string, schemaName = 's') => ({ type: 'pg' as const, connStr, schemaName });
    expect(sameBackend(pg('postgres://u:old@h/db'), pg('postgres://u:new@h/db'))).toBe(true);
    expect(sameBackend(pg('postgres://u:old@h/db'), pg('postgres://u:old@h/other'))).toBe(false);
    expect(sameBackend(pg('postgres://u@h/db'), pg('postgres://u@h/db', 't'))).toBe(false);
    expect(sameBackend({ type: 'local' }, pg('postgres://u@h/db'))).toBe(false);
  });
});
