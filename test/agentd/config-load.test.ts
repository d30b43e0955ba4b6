import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, readToken, readTokens, validateConfig } from '../../agentd/config-load.js';

const valid = {
  hostName: 'h1',
  listen: { host: '127.0.0.1', port: 7070 },
  tokenFile: '/var/lib/nssv/h1/token',
  libvirtUri: 'qemu:///system',
  domainType: 'qemu',
  ovsDbSocket: '/run/openvswitch/db.sock',
  storageRoot: '/var/lib/nssv/pools',
  stateDir: '/var/lib/nssv/agentd',
  shutdownTimeoutMs: 3000,
};

describe('agentd config', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nssv-agentd-config-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('GIVEN a valid config WHEN validated THEN there are no problems', () => {
    expect(validateConfig(valid)).toEqual([]);
  });

  it('GIVEN wrong fields WHEN validated THEN each problem names the field, the value and what is allowed', () => {
    expect(
      validateConfig({
        ...valid,
        listen: { host: '', port: 70000 },
        domainType: 'xen',
        storageRoot: 'pools',
        shutdownTimeoutMs: -1,
        extra: 1,
      }),
    ).toEqual([
      'unknown field "extra"; allowed: hostName, listen, tokenFile, libvirtUri, domainType, ovsDbSocket, storageRoot, stateDir, shutdownTimeoutMs, ceph, tunnel, tls, migration',
      'listen.host must be an address to listen on, got ""',
      'listen.port must be an integer from 0 to 65535, got 70000',
      'domainType must be one of "kvm", "qemu", "auto", got "xen"',
      'storageRoot must be an absolute path (the directory holding dir pools), got "pools"',
      'shutdownTimeoutMs must be an integer from 0 to 3600000, got -1',
    ]);
  });

  it('GIVEN a ceph section WHEN validated THEN paths, user and namespace are checked', () => {
    expect(
      validateConfig({
        ...valid,
        ceph: { confFile: '/etc/ceph/ceph.conf', keyringFile: '/etc/ceph/k', user: 'nssv', netns: 'h1' },
      }),
    ).toEqual([]);
    expect(
      validateConfig({ ...valid, ceph: { confFile: 'ceph.conf', user: 'client nssv', other: 1 } }),
    ).toEqual([
      'unknown field ceph.other; allowed: confFile, keyringFile, user, netns',
      'ceph.confFile must be an absolute path, got "ceph.conf"',
      'ceph.keyringFile must be an absolute path, got nothing',
      'ceph.user must be a Ceph client name without "client." (letters, digits, _ . -), got "client nssv"',
    ]);
  });

  it('GIVEN a migration section WHEN validated THEN the peer libvirt URI and the IPv4 address are checked', () => {
    expect(
      validateConfig({
        ...valid,
        migration: { libvirtUri: 'qemu+tls://10.0.0.12/system', address: '10.0.0.12' },
      }),
    ).toEqual([]);
    expect(
      validateConfig({
        ...valid,
        migration: { libvirtUri: 'qemu:///system?socket=/run/h1/libvirt-sock', address: '10.250.0.1' },
      }),
    ).toEqual([]);
    expect(
      validateConfig({
        ...valid,
        migration: { libvirtUri: 'xen:///system; rm -rf /', address: 'h2', port: 1 },
      }),
    ).toEqual([
      'migration has unknown field "port"; allowed: libvirtUri, address',
      'migration.libvirtUri must be a qemu URI of this host\'s libvirtd as peers open it, e.g. qemu+tls://10.0.0.12/system, got "xen:///system; rm -rf /"',
      'migration.address must be the IPv4 address incoming migrations reach this host on, got "h2"',
    ]);
    expect(validateConfig({ ...valid, migration: 'h2' })).toEqual([
      'migration must be an object like {"libvirtUri": "qemu+tls://10.0.0.12/system", "address": "10.0.0.12"}, got "h2"',
    ]);
  });

  it('GIVEN a file that is not JSON WHEN loaded THEN ConfigError names the file', async () => {
    const file = join(dir, 'agentd.json');
    await writeFile(file, '{nope');
    await expect(loadConfig(file)).rejects.toThrow(ConfigError);
    await expect(loadConfig(file)).rejects.toThrow(`agentd: invalid config ${file}:\n  - not valid JSON:`);
  });

  it('GIVEN an empty token file WHEN read THEN it is refused', async () => {
    const file = join(dir, 'token');
    await writeFile(file, '\n');
    await expect(readToken(file)).rejects.toThrow(
      'the token file must hold one token of at least 16 characters per line (two while rotating)',
    );
  });

  it('GIVEN a token file with a new and an old token (rotation) WHEN read THEN both are accepted, the first is the token', async () => {
    const file = join(dir, 'token');
    await writeFile(file, `${'n'.repeat(32)}\n\n${'o'.repeat(32)}\n`);
    expect(await readTokens(file)).toEqual(['n'.repeat(32), 'o'.repeat(32)]);
    expect(await readToken(file)).toBe('n'.repeat(32));
  });

  it('GIVEN a tls section WHEN validated THEN its three files must be absolute paths and nothing else is allowed', () => {
    const tls = { certFile: '/t/agent.crt', keyFile: '/t/agent.key', clientCaFile: '/t/client-ca.crt' };
    expect(validateConfig({ ...valid, tls })).toEqual([]);
    expect(validateConfig({ ...valid, tls: { certFile: 'agent.crt', keyFile: '/k', extra: 1 } })).toEqual([
      'unknown field tls.extra; allowed: certFile, keyFile, clientCaFile',
      'tls.certFile must be an absolute path, got "agent.crt"',
      'tls.clientCaFile must be an absolute path, got nothing',
    ]);
  });

  it('GIVEN a tunnel section WHEN validated THEN the underlay address and bridge are checked', () => {
    expect(validateConfig({ ...valid, tunnel: { localIp: '10.250.0.1', underlayBridge: 'br-phy' } })).toEqual(
      [],
    );
    expect(
      validateConfig({ ...valid, tunnel: { localIp: '10.250.0.300', underlayBridge: 'br phy' } }),
    ).toEqual([
      'tunnel.localIp must be the host\'s IPv4 underlay address, got "10.250.0.300"',
      'tunnel.underlayBridge must be the OVS bridge holding the underlay address (an interface name, at most 15 characters), got "br phy"',
    ]);
  });

  it('GIVEN a value that breaks two of its limits WHEN validated THEN the field is named once', () => {
    expect(validateConfig({ ...valid, hostName: 7 })).toEqual([
      'hostName must be a lowercase name (letters, digits, hyphens; starting with a letter), got 7',
    ]);
    expect(validateConfig({ ...valid, hostName: 'H1' })).toEqual([
      'hostName must be a lowercase name (letters, digits, hyphens; starting with a letter), got "H1"',
    ]);
  });

  it('GIVEN missing fields and a config that is not an object WHEN validated THEN each is named', () => {
    const { tokenFile: _t, listen: _l, ...rest } = valid;
    expect(validateConfig(rest)).toEqual([
      'listen must be an object {"host": "127.0.0.1", "port": 7070}, got nothing',
      'tokenFile must be an absolute path (the file holding the bearer token), got nothing',
    ]);
    expect(validateConfig([])).toEqual(['the config must be a JSON object, got []']);
  });

  it('GIVEN an invalid config file WHEN loaded THEN ConfigError lists every problem under the file name', async () => {
    const file = join(dir, 'agentd.json');
    await writeFile(
      file,
      JSON.stringify({ ...valid, shutdownTimeoutMs: 1.5, listen: { host: 'h', port: -1 } }),
    );
    await expect(loadConfig(file)).rejects.toThrow(
      `agentd: invalid config ${file}:\n  - listen.port must be an integer from 0 to 65535, got -1\n  - shutdownTimeoutMs must be an integer from 0 to 3600000, got 1.5`,
    );
    await writeFile(file, JSON.stringify(valid));
    await expect(loadConfig(file)).resolves.toEqual(valid);
  });
});
