import { recordedHostEndpoints } from '../../../provider/state/recordedHosts.js';

const host = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  address: `nssv_host.h["${name}"]`,
  type: 'nssv_host',
  attributes: { name, endpoint: `https://${name}.example:8443`, token: `token-${name}`, ...extra },
  dependencies: ['nssv_cluster.c'],
  sensitivePaths: ['token'],
});

const vm = (name: string, attributes: Record<string, unknown> = {}): Record<string, unknown> => ({
  address: `nssv_vm.${name}`,
  type: 'nssv_vm',
  attributes: { name, description: '', tags: {}, ...attributes },
  dependencies: ['nssv_host.h["h1"]'],
  sensitivePaths: [],
});

const state = (resources: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  version: 2,
  serial: 3,
  lineage: 'l',
  ...extra,
  resources,
});

const walk = (text: string): unknown => recordedHostEndpoints(text);

describe('recordedHostEndpoints', () => {
  it('GIVEN a compact state THEN it gives each nssv_host instance’s endpoint, token and TLS directory', () => {
    const text = JSON.stringify(state([host('h1'), vm('a'), host('h2', { tls_dir: '/etc/nssv/tls' })]));
    expect(walk(text)).toEqual([
      { host: 'h1', endpoint: 'https://h1.example:8443', token: 'token-h1' },
      { host: 'h2', endpoint: 'https://h2.example:8443', token: 'token-h2', tlsDir: '/etc/nssv/tls' },
    ]);
  });

  it('GIVEN an indented state with keys in another order THEN it gives the same hosts', () => {
    const text = JSON.stringify({ resources: [vm('a'), host('h1')], version: 2, lineage: 'l' }, null, 2);
    expect(walk(text)).toEqual([{ host: 'h1', endpoint: 'https://h1.example:8443', token: 'token-h1' }]);
  });

  it('GIVEN "nssv_host" and whole host records inside strings, tags and outputs THEN they give no host', () => {
    const fake = JSON.stringify(host('evil'));
    const text = JSON.stringify(
      state(
        [
          vm('a', { description: `see ${fake} and "type":"nssv_host" \\" ]}`, tags: { type: 'nssv_host' } }),
          host('h1'),
        ],
        { outputs: { fake: { value: host('evil'), sensitive: false } } },
      ),
    );
    expect(walk(text)).toEqual([{ host: 'h1', endpoint: 'https://h1.example:8443', token: 'token-h1' }]);
  });

  it('GIVEN a host without a token, an unfinished file or something other than a state THEN it gives what it can follow', () => {
    expect(walk(JSON.stringify(state([host('h1', { token: null }), host('h2')])))).toEqual([
      { host: 'h2', endpoint: 'https://h2.example:8443', token: 'token-h2' },
    ]);
    const whole = JSON.stringify(state([host('h1'), host('h2')]));
    expect(walk(whole.slice(0, whole.indexOf('"h2"') + 10))).toEqual([
      { host: 'h1', endpoint: 'https://h1.example:8443', token: 'token-h1' },
    ]);
    expect(walk('')).toEqual([]);
    expect(walk('[1,2]')).toEqual([]);
    expect(walk('{"resources": 3}')).toEqual([]);
    expect(walk('{"version": 2 "resources": []}')).toEqual([]);
  });
});
