import { downText, errorText, statusText, upJson, upText } from '../../sandbox/cli.js';
import { errors } from '../../sandbox/errors.js';
import type { SandboxUpResult } from '../../sandbox/up.js';

const result: SandboxUpResult = {
  action: 'created',
  name: 'nssv',
  root: '/var/lib/nssv/sandbox',
  stateFile: '/var/lib/nssv/sandbox/sandbox.json',
  underlay: { netns: 'nssv-underlay', bridge: 'br-underlay', cidr: '10.250.0.0/24', mtu: 1600 },
  addedHosts: ['h1'],
  emittedFile: '/cfg/sandbox.tf',
  elapsedMs: 1234,
  hosts: [
    {
      name: 'h1',
      endpoint: 'http://127.0.0.1:40001',
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
    expect(text).toMatch(/h1 +http:\/\/127\.0\.0\.1:40001 +10\.250\.0\.1 +qemu:\/\/\/system\?socket=\/s/);
    expect(text).toContain('Wrote /cfg/sandbox.tf');
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
            { role: 'libvirtd', pid: 1, alive: true },
            { role: 'ovsdb-server', pid: 2, alive: false },
          ],
          libvirtReachable: true,
          ovsReachable: false,
          agentHealthy: null,
          healthy: false,
        },
      ],
    });
    expect(text).toContain('DEGRADED (run `nssv sandbox down` and `nssv sandbox up`)');
    expect(text).toMatch(/h1 +- +1\/2 alive +yes +NO +-/);
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
});
