import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SandboxError } from '../../sandbox/errors.js';
import {
  STATE_VERSION,
  StateStore,
  acquireLock,
  readState,
  writeState,
  type SandboxState,
} from '../../sandbox/state.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nssv-state-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const R = '/var/lib/nssv/sandbox';
const sample = (): SandboxState => ({
  version: STATE_VERSION,
  name: 'nssv',
  root: R,
  createdAt: '2026-01-01T00:00:00.000Z',
  underlay: {
    netns: 'nssv-underlay',
    bridge: 'br-underlay',
    cidr: '10.250.0.0/24',
    mtu: 1600,
    created: true,
  },
  mountNsDir: { path: path.join(R, 'mnt'), mounted: true },
  hosts: [
    {
      name: 'h1',
      index: 1,
      dir: path.join(R, 'hosts/h1'),
      netns: 'nssv-h1',
      underlayIp: '10.250.0.1',
      mountNsFile: path.join(R, 'mnt/h1'),
      libvirtUri: 'qemu:///system?socket=x',
      ovsDbSocket: '/x/db.sock',
      storageRoot: '/x/pools',
      tokenFile: '/x/token',
      created: { netns: true, mountNs: true, binds: ['/etc/libvirt'] },
      processes: [{ role: 'ovsdb-server', pid: 123, startTicks: 456 }],
    },
  ],
});

const errorOf = (fn: () => unknown): SandboxError | undefined => {
  try {
    fn();
  } catch (e) {
    return e as SandboxError;
  }
  return undefined;
};

describe('state file', () => {
  it('GIVEN no file THEN readState says nothing is up', () => {
    expect(readState(path.join(dir, 'sandbox.json'))).toBeUndefined();
  });

  it('GIVEN a written state THEN it reads back equal, mode 0600', () => {
    const file = path.join(dir, 'sandbox.json');
    writeState(file, sample());
    expect(readState(file)).toEqual(sample());
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('GIVEN a store WHEN a host changes THEN the file has the change at once', () => {
    const file = path.join(dir, 'sandbox.json');
    const store = new StateStore(file, sample());
    store.updateHost('h1', (h) => void h.processes.push({ role: 'libvirtd', pid: 9, startTicks: 1 }));
    expect(readState(file)?.hosts[0]?.processes.map((p) => p.role)).toEqual(['ovsdb-server', 'libvirtd']);
  });

  it.each([
    ['not JSON', '{', /unreadable: /],
    ['another version', JSON.stringify({ ...sample(), version: 99 }), /version 99, expected 1/],
    ['a malformed host', JSON.stringify({ ...sample(), hosts: [{}] }), /a host entry is malformed/],
  ])('GIVEN %s THEN state_invalid', (_what, text, message) => {
    const file = path.join(dir, 'sandbox.json');
    writeFileSync(file, text);
    const err = errorOf(() => readState(file));
    expect(err?.code).toBe('state_invalid');
    expect(err?.message).toMatch(message);
  });
});

describe('acquireLock', () => {
  it('GIVEN a free lock THEN takes it and release removes it', () => {
    const lock = path.join(dir, 'lock');
    const release = acquireLock(lock, dir);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(lock)).toBe(false);
  });

  it('GIVEN a lock held by a live process THEN busy, naming its pid', () => {
    const lock = path.join(dir, 'lock');
    writeFileSync(lock, '1'); // pid 1 is always alive
    const err = errorOf(() => acquireLock(lock, dir));
    expect(err?.code).toBe('busy');
    expect(err?.message).toBe(`Another nssv sandbox command (pid 1) is working on ${dir}.`);
  });

  it('GIVEN a stale lock (its process is gone) THEN takes it over', () => {
    const lock = path.join(dir, 'lock');
    writeFileSync(lock, '999999999');
    acquireLock(lock, dir)();
    expect(existsSync(lock)).toBe(false);
  });
});
