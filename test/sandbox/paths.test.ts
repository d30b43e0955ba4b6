import {
  DEFAULT_ROOT,
  MAX_SOCKET_PATH_BYTES,
  assertSocketPathsFit,
  hostPaths,
  netNames,
  parseHostCount,
  resolveRoot,
  validateHostCount,
  validateName,
} from '../../sandbox/paths.js';
import { SandboxError } from '../../sandbox/errors.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof SandboxError ? e.code : `not a SandboxError: ${String(e)}`;
  }
};

describe('resolveRoot', () => {
  it('prefers the flag, then NSSV_SANDBOX_ROOT, then the default', () => {
    expect(resolveRoot('/tmp/a/b', { NSSV_SANDBOX_ROOT: '/tmp/env' })).toBe('/tmp/a/b');
    expect(resolveRoot(undefined, { NSSV_SANDBOX_ROOT: '/tmp/env/x' })).toBe('/tmp/env/x');
    expect(resolveRoot(undefined, {})).toBe(DEFAULT_ROOT);
  });

  it('refuses / and one-level directories (down deletes the root)', () => {
    expect(codeOf(() => resolveRoot('/', {}))).toBe('invalid_option');
    expect(codeOf(() => resolveRoot('/tmp', {}))).toBe('invalid_option');
  });

  it('refuses a root inside a directory libvirtd sees replaced', () => {
    expect(codeOf(() => resolveRoot('/var/lib/libvirt/sbx', {}))).toBe('invalid_option');
    expect(codeOf(() => resolveRoot('/run/openvswitch/x', {}))).toBe('invalid_option');
  });
});

describe('validateName / validateHostCount', () => {
  it.each(['nssv', 'e2e1234', 'a', 'quick-9999'])('accepts %s', (n) => expect(validateName(n)).toBe(n));
  it.each(['', 'Nssv', '1abc', 'a_b', 'a b', 'x-', 'a'.repeat(21), 'a;rm'])('refuses %j', (n) =>
    expect(codeOf(() => validateName(n))).toBe('invalid_option'),
  );
  it('accepts 1..64 hosts only', () => {
    expect(validateHostCount(1)).toBe(1);
    expect(validateHostCount(64)).toBe(64);
    for (const n of [0, 65, 1.5, -1, Number.NaN])
      expect(codeOf(() => validateHostCount(n))).toBe('invalid_option');
  });
});

describe('parseHostCount (--hosts as typed)', () => {
  const messageOf = (given: string): string => {
    try {
      parseHostCount(given);
      return 'accepted';
    } catch (e) {
      const err = e as SandboxError;
      return `${err.code}: ${err.message} | ${err.hint}`;
    }
  };
  it('accepts 1..64', () => {
    expect(parseHostCount('1')).toBe(1);
    expect(parseHostCount('64')).toBe(64);
  });
  it.each([
    ['0', '--hosts 0 is out of range: it takes a whole number of hosts from 1 to 64.'],
    ['1000', '--hosts 1000 is out of range: it takes a whole number of hosts from 1 to 64.'],
    ['-1', '--hosts -1 is out of range: it takes a whole number of hosts from 1 to 64.'],
    ['abc', '--hosts "abc" is not a whole number: it takes a number of hosts from 1 to 64.'],
    ['1.5', '--hosts "1.5" is not a whole number: it takes a number of hosts from 1 to 64.'],
  ])('refuses %j saying the value, the range and the fix', (given, message) => {
    expect(messageOf(given)).toBe(
      `invalid_option: ${message} | Fix: pass --hosts with a value from 1 to 64, e.g. --hosts 2.`,
    );
  });
});

describe('hostPaths', () => {
  it('lays a host out under <root>/hosts/<host> with the libvirt socket in its run dir', () => {
    const p = hostPaths('/var/lib/nssv/sandbox', 'h1');
    expect(p.dir).toBe('/var/lib/nssv/sandbox/hosts/h1');
    expect(p.libvirtUri).toBe(
      'qemu:///system?socket=/var/lib/nssv/sandbox/hosts/h1/libvirt/run/libvirt-sock',
    );
    expect(p.ovsDbSocket).toBe('/var/lib/nssv/sandbox/hosts/h1/ovs/run/db.sock');
    expect(p.storageRoot).toBe('/var/lib/nssv/sandbox/hosts/h1/pools');
    expect(p.mountNsFile).toBe('/var/lib/nssv/sandbox/mnt/h1');
    expect(p.binds.map(([, target]) => target)).toEqual([
      '/etc/libvirt',
      '/run/libvirt',
      '/var/lib/libvirt',
      '/var/log/libvirt',
      '/var/cache/libvirt',
      '/run/openvswitch',
    ]);
  });

  it('GIVEN the default root THEN every socket path fits', () => {
    expect(() => assertSocketPathsFit(hostPaths(DEFAULT_ROOT, 'h64'))).not.toThrow();
  });

  it('GIVEN a very long root THEN up fails early with path_too_long naming the socket', () => {
    const root = '/tmp/' + 'x'.repeat(MAX_SOCKET_PATH_BYTES - 30);
    let err: SandboxError | undefined;
    try {
      assertSocketPathsFit(hostPaths(root, 'h1'));
    } catch (e) {
      err = e as SandboxError;
    }
    expect(err?.code).toBe('path_too_long');
    expect(err?.message).toMatch(
      /^Unix socket path \/tmp\/x+\/hosts\/h1\/.* would be \d+ bytes; sockets allow at most 107\.$/,
    );
  });
});

describe('netNames', () => {
  it('prefixes namespaces with the sandbox name; interface names fit 15 characters', () => {
    const n = netNames('nssv');
    expect(n.underlayNetns).toBe('nssv-underlay');
    expect(n.hostNetns('h2')).toBe('nssv-h2');
    expect(n.underlayVeth('h64').length).toBeLessThanOrEqual(15);
    expect(n.underlayBridge.length).toBeLessThanOrEqual(15);
  });
});
