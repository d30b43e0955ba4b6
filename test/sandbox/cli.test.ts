import { downText, errorText, statusText, upJson, upNotes, upText } from '../../sandbox/cli.js';
import { errors } from '../../sandbox/errors.js';
import type { SandboxUpResult } from '../../sandbox/up.js';

const result: SandboxUpResult = {
  action: 'created',
  name: 'nssv',
  root: '/var/lib/nssv/sandbox',
  stateFile: '/var/lib/nssv/sandbox/sandbox.json',
  underlay: { netns: 'nssv-underlay', bridge: 'br-underlay', cidr: '10.250.0.0/24', mtu: 1600 },
  addedHosts: ['h1'],
  restarted: [],
  notes: [],
  emittedFile: '/cfg/sandbox.tf',
  cluster: { cpuOvercommitRatio: 2, memoryOvercommitRatio: 1 },
  elapsedMs: 1234,
  hosts: [
    {
      name: 'h1',
      endpoint: 'https://127.0.0.1:40001',
      tlsDir: '/var/lib/nssv/sandbox/tls',
      token: 'secret-token-value',
      tokenFile: '/var/lib/nssv/sandbox/hosts/h1/agentd/token',
      libvirtUri: 'qemu:///system?socket=/s',
      ovsDbSocket: '/o/db.sock',
      storageRoot: '/p',
      netns: 'nssv-h1',
      mountNsFile: '/m/h1',
      underlayIp: '10.250.0.1',
      dir: '/d',
      logDir: '/d/logs',
      pids: [{ role: 'libvirtd', pid: 5 }],
    },
  ],
};

describe('sandbox CLI output', () => {
  it('never prints a token, in text or JSON', () => {
    expect(upText(result)).not.toContain('secret-token-value');
    expect(JSON.stringify(upJson(result))).not.toContain('secret-token-value');
    expect(JSON.stringify(upJson(result))).toContain('/var/lib/nssv/sandbox/hosts/h1/agentd/token');
  });

  it('up text names the sandbox, the hosts and the emitted file', () => {
    const text = upText(result);
    expect(text).toMatch(/^Sandbox "nssv" is up in \/var\/lib\/nssv\/sandbox with 1 host\(s\) \(1\.2s\)\./);
    expect(text).toMatch(/h1 +https:\/\/127\.0\.0\.1:40001 +10\.250\.0\.1 +qemu:\/\/\/system\?socket=\/s/);
    expect(text).toContain('Wrote /cfg/sandbox.tf');
    expect(text).toContain(
      "Agents speak HTTPS with mutual TLS: the sandbox's CA and nssv's client certificate are in /var/lib/nssv/sandbox/tls (tls_dir).",
    );
  });

  it('status text marks a degraded sandbox and what to do', () => {
    const text = statusText({
      root: '/r',
      up: true,
      name: 'nssv',
      healthy: false,
      hosts: [
        {
          name: 'h1',
          endpoint: null,
          netns: 'nssv-h1',
          netnsPresent: true,
          processes: [
            { role: 'libvirtd', pid: 1, alive: true, log: '/d/libvirt/log/libvirtd.log' },
            { role: 'ovsdb-server', pid: 2, alive: false, log: '/d/ovs/log/ovsdb-server.log' },
          ],
          libvirtReachable: true,
          ovsReachable: false,
          agentHealthy: null,
          healthy: false,
        },
      ],
    });
    expect(text).toMatch(/h1 +- +1\/2 alive +yes +NO +-/);
    expect(text).toContain(
      'h1: ovsdb-server (pid 2) is not running; its log: /d/ovs/log/ovsdb-server.log\n' +
        // --hosts 1: a plain `up` (2 hosts) would also add h2.
        'Fix: run `nssv sandbox up --root /r --hosts 1` to restart them in place (guests, endpoints and tokens are kept).\n',
    );
  });

  it('status text names a dead Ceph daemon and asks for down + up (its in-memory data is gone)', () => {
    const host = {
      name: 'h1',
      endpoint: null,
      netns: 'nssv-h1',
      netnsPresent: true,
      processes: [{ role: 'libvirtd', pid: 1, alive: true, log: '/d/libvirt/log/libvirtd.log' }],
      libvirtReachable: true,
      ovsReachable: true,
      agentHealthy: null,
      healthy: true,
    };
    const text = statusText({
      root: '/r',
      up: true,
      name: 'nssv',
      healthy: false,
      hosts: [host],
      ceph: {
        processes: [
          { role: 'mon.a', pid: 7, alive: true, log: '/r/ceph/log/mon.a.out' },
          { role: 'osd.0', pid: 8, alive: false, log: '/r/ceph/log/osd.0.out' },
        ],
      },
    });
    expect(text).toContain('\nCeph: 1/2 daemons alive\n');
    expect(text).toContain(
      'ceph osd.0 (pid 8) is not running (its in-memory data is gone); its log: /r/ceph/log/osd.0.out\n' +
        'Fix: run `nssv sandbox down --root /r` and then `nssv sandbox up --root /r --hosts 1 --ceph`',
    );
  });

  it('status and down say plainly when nothing is up', () => {
    expect(statusText({ root: '/r', up: false, name: null, healthy: false, hosts: [] })).toBe(
      'No sandbox is up in /r.\n',
    );
    expect(downText({ root: '/r', wasUp: false, hosts: [], stoppedProcesses: 0 })).toBe(
      'No sandbox was up in /r; nothing to do.\n',
    );
  });

  it('a user error prints what went wrong, the detail and the fix, without a stack trace', () => {
    const e = errors.startTimeout('libvirtd', 1000, '/d/logs/libvirtd.log', 'socket never appeared');
    expect(errorText(e)).toBe(
      'Error: libvirtd did not become ready within 1000 ms.\n  socket never appeared\nSee its log: /d/logs/libvirtd.log\n',
    );
  });

  it('up text ends with the down command for its own root; the default root needs no --root', () => {
    expect(upText({ ...result, root: '/tmp/qa-sbx2' })).toContain(
      'Stop everything with: nssv sandbox down --root /tmp/qa-sbx2\n',
    );
    expect(upText(result)).toContain('Stop everything with: nssv sandbox down\n');
  });

  it('up text lists the daemons it restarted in place, with their new pids and logs', () => {
    const text = upText({
      ...result,
      action: 'repaired',
      addedHosts: [],
      emittedFile: undefined,
      restarted: [{ host: 'h1', role: 'agentd', pid: 77, log: '/d/logs/agentd.log' }],
    });
    expect(text).toMatch(
      /^Sandbox "nssv" in \/var\/lib\/nssv\/sandbox was degraded and is repaired; 1 host\(s\)\.\n/,
    );
    expect(text).toContain(
      'Restarted in place (same directories, endpoints and tokens; guests kept):\n' +
        '  h1: agentd (now pid 77); log: /d/logs/agentd.log\n',
    );
  });

  it('up notes go to stderr as "Note: ..." lines', () => {
    expect(upNotes({ ...result, notes: ['one', 'two'] })).toBe('Note: one\nNote: two\n');
    expect(upNotes(result)).toBe('');
  });

  it('GIVEN a host whose namespace is gone THEN status asks for down + up, repeating --root, --name and --hosts', () => {
    const host = {
      name: 'h3',
      endpoint: null,
      netns: 'qa2-h3',
      netnsPresent: false,
      processes: [{ role: 'agentd', pid: 9, alive: true, log: '/d/logs/agentd.log' }],
      libvirtReachable: true,
      ovsReachable: true,
      agentHealthy: null,
      healthy: false,
    };
    const text = statusText({
      root: '/tmp/qa-sbx2',
      up: true,
      name: 'qa2',
      healthy: false,
      hosts: [
        { ...host, name: 'h1', netns: 'qa2-h1', netnsPresent: true, healthy: true },
        { ...host, name: 'h2', netns: 'qa2-h2', netnsPresent: true, healthy: true },
        host,
      ],
    });
    expect(text).toContain(
      '\n\nh3: its network namespace qa2-h3 is gone\n' +
        'Fix: run `nssv sandbox down --root /tmp/qa-sbx2` and then `nssv sandbox up --root /tmp/qa-sbx2 --name qa2 --hosts 3` (this deletes its guests and gives the hosts new endpoints and tokens).\n',
    );
  });

  it('every hint that names a command repeats a non-default --root (and --name, --hosts for up)', () => {
    const ctx = { root: '/tmp/qa sbx', name: 'qa2', hosts: 3 };
    expect(
      errorText(
        errors.degraded(ctx, ['h1: its network namespace qa2-h1 is gone'], 'cannot be repaired in place'),
      ),
    ).toBe(
      'Error: The sandbox in /tmp/qa sbx is partly down and cannot be repaired in place.\n' +
        '  h1: its network namespace qa2-h1 is gone\n' +
        "Fix: run `nssv sandbox down --root '/tmp/qa sbx'` and then `nssv sandbox up --root '/tmp/qa sbx' --name qa2 --hosts 3` (this deletes its guests and gives the hosts new endpoints and tokens).\n",
    );
    expect(errors.interrupted(ctx).hint).toBe(
      "Run `nssv sandbox up --root '/tmp/qa sbx' --name qa2 --hosts 3` again when ready.",
    );
    expect(errors.notRoot('nssv sandbox down --root /tmp/x').hint).toBe(
      'Run it as root, e.g. `sudo npx nssv sandbox down --root /tmp/x`.',
    );
    expect(errors.busy('/tmp/x', 42).hint).toBe(
      'Wait for it to finish, or remove the lock file /tmp/x/lock if that process is gone.',
    );
  });
});
