import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyState, type State } from '../../../planner/state/types.js';
import { writeInitRecord } from '../../../provider/state/initRecord.js';
import { localStateEndpoints } from '../../../provider/state/localStateEndpoints.js';

const host = (name: string, endpoint: string): State['resources'][number] => ({
  address: `nssv_host.${name}`,
  type: 'nssv_host',
  attributes: { name, cluster_id: 'c', endpoint, token: `t-${name}`, tls_dir: `/tls/${name}`, id: name },
  dependencies: [],
  sensitivePaths: ['token'],
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nssv-local-endpoints-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (s: unknown): void => writeFileSync(join(dir, 'nssv.tfstate'), JSON.stringify(s));

describe('localStateEndpoints', () => {
  it('GIVEN a local state with hosts THEN their endpoints, tokens and TLS directories', async () => {
    write({
      ...emptyState('L'),
      serial: 2,
      resources: [host('h1', 'https://a:8443'), host('h2', 'http://b:8080')],
    });
    expect(await localStateEndpoints(dir)).toEqual([
      { host: 'h1', endpoint: 'https://a:8443', token: 't-h1', tlsDir: '/tls/h1' },
      { host: 'h2', endpoint: 'http://b:8080', token: 't-h2', tlsDir: '/tls/h2' },
    ]);
  });

  it('GIVEN no state, a state that does not read, or a directory set up for PostgreSQL THEN none', async () => {
    expect(await localStateEndpoints(dir)).toEqual([]);
    writeFileSync(join(dir, 'nssv.tfstate'), '{ not json');
    expect(await localStateEndpoints(dir)).toEqual([]);
    write({ ...emptyState('L'), version: 99, resources: [host('h1', 'http://a:1')] });
    expect(await localStateEndpoints(dir)).toEqual([]);
    write({ ...emptyState('L'), serial: 2, resources: [host('h1', 'http://a:1')] });
    await writeInitRecord(dir, { type: 'pg', connStr: 'postgres://x/y', schemaName: 's' });
    expect(await localStateEndpoints(dir)).toEqual([]);
  });
});
