import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordedTargets } from '../../../provider/agent/recordedTargets.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nssv-recorded-'));
  file = join(dir, 'nssv.tfstate');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const host = (name: string, extra: Record<string, unknown> = {}) => ({
  address: `nssv_host.${name}`,
  type: 'nssv_host',
  attributes: { name, endpoint: `https://${name}:8443`, token: `t-${name}`, ...extra },
});

describe('recordedTargets', () => {
  it('GIVEN a state file THEN the endpoints, tokens and TLS directories of its hosts, nothing else', () => {
    writeFileSync(
      file,
      JSON.stringify({
        version: 2,
        resources: [
          host('h1', { tls_dir: '/etc/nssv/tls' }),
          { address: 'nssv_cluster.c', type: 'nssv_cluster', attributes: { name: 'c' } },
          host('h2'),
        ],
      }),
    );
    expect(recordedTargets(file)).toEqual([
      { host: 'h1', endpoint: 'https://h1:8443', token: 't-h1', tlsDir: '/etc/nssv/tls' },
      { host: 'h2', endpoint: 'https://h2:8443', token: 't-h2' },
    ]);
  });

  it.each([
    ['no file', undefined],
    ['a file that is not JSON', '{ not json'],
    ['an encrypted state (no resource list)', JSON.stringify({ encrypted: 'AAAA', meta: {} })],
    ['null', 'null'],
  ])('GIVEN %s THEN none', (_what, text) => {
    if (text !== undefined) writeFileSync(file, text);
    expect(recordedTargets(file)).toEqual([]);
  });

  it('GIVEN host entries without attributes or without a token THEN those are left out', () => {
    writeFileSync(
      file,
      JSON.stringify({
        resources: [null, { type: 'nssv_host' }, host('h1', { token: null }), host('h2')],
      }),
    );
    expect(recordedTargets(file)).toEqual([{ host: 'h2', endpoint: 'https://h2:8443', token: 't-h2' }]);
  });
});
