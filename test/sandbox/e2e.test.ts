/**
 * The sandbox end to end on real daemons (needs root and the packages of scripts/setup-host.sh):
 * two hosts in a private root with a unique name; each host's libvirtd and Open vSwitch answer;
 * a netdev OVS bridge and a tiny TCG guest with an openvswitch NIC work on a host (the mount/netns
 * wiring agentd relies on); the underlay carries TCP between hosts; agentd answers with its token;
 * `up` again changes nothing; `down` leaves no process, namespace, mount or file behind.
 * A failing `up` undoes what it started.
 */
import { execa } from 'execa';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultAgentdMain } from '../../sandbox/agent.js';
import {
  hostNetnsExec,
  hostOvsVsctl,
  hostVirsh,
  readSandboxInfo,
  sandboxDown,
  sandboxHosts,
  sandboxStatus,
  sandboxUp,
  type SandboxUpResult,
} from '../../sandbox/index.js';
import { statusText } from '../../sandbox/cli.js';
import { SandboxError } from '../../sandbox/errors.js';
import { mountsUnder } from '../../sandbox/mountNs.js';
import { isAlive, isReaped, recordOf, type ProcessRecord } from '../../sandbox/processes.js';
import { describeE2e, SANDBOX_NEEDS } from '../helpers/e2e.js';
import { agentFetch } from '../helpers/agentFetch.js';

const agentdMain = defaultAgentdMain();
const withAgent = existsSync(agentdMain);
const NEEDS = { ...SANDBOX_NEEDS, files: [{ path: agentdMain, make: 'npm run build' }] };

const unique = (): string => `t${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;

async function netnsNames(): Promise<string[]> {
  const r = await execa('ip', ['netns', 'list'], { reject: false });
  return String(r.stdout)
    .split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter(Boolean);
}

/** Processes whose command line mentions `text` (e.g. the sandbox root), zombies excluded. */
function processesMentioning(text: string): number[] {
  const out: number[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(text)) continue;
      if (/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${e}/stat`, 'utf8'))) continue;
      out.push(Number(e));
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

const domainXml = (name: string, bridge: string): string => `<domain type='qemu'>
  <name>${name}</name>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64'>hvm</type></os>
  <devices>
    <interface type='bridge'>
      <source bridge='${bridge}'/>
      <virtualport type='openvswitch'/>
      <model type='virtio'/>
    </interface>
  </devices>
</domain>
`;

describeE2e('sandbox on real daemons', NEEDS, () => {
  let root = '';
  let emitDir = '';
  const name = unique();
  let up: SandboxUpResult | undefined;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'nssv-sbx-'));
    emitDir = mkdtempSync(path.join(tmpdir(), 'nssv-sbx-emit-'));
  });

  afterAll(async () => {
    await sandboxDown({ root }).catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
    rmSync(emitDir, { recursive: true, force: true });
  });

  it('up starts two hosts whose libvirtd, OVS and agentd answer', async () => {
    up = await sandboxUp({
      root,
      name,
      hosts: 2,
      emitDir,
      agentdMain: withAgent ? agentdMain : null,
      progress: () => undefined,
    });
    console.log(`sandbox up (2 hosts) took ${up.elapsedMs} ms`);
    expect(up.action).toBe('created');
    expect(up.hosts.map((h) => [h.name, h.netns, h.underlayIp])).toEqual([
      ['h1', `${name}-h1`, '10.250.0.1'],
      ['h2', `${name}-h2`, '10.250.0.2'],
    ]);
    const namespaces = await netnsNames();
    for (const ns of [`${name}-underlay`, `${name}-h1`, `${name}-h2`]) expect(namespaces).toContain(ns);

    for (const h of up.hosts) {
      const list = await hostVirsh(h, ['list', '--all']);
      expect(list.stdout).toMatch(/Id +Name +State/);
      const show = await hostOvsVsctl(h, ['show']);
      expect(show.exitCode).toBe(0);
      expect(h.token).toMatch(/^[0-9a-f]{64}$/);
      if (withAgent) {
        expect(h.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        expect(h.tlsDir).toBe(path.join(root, 'tls'));
        const ok = await agentFetch(h, '/v1/health', { headers: { authorization: `Bearer ${h.token}` } });
        expect(ok.status).toBe(200);
        const denied = await agentFetch(h, '/v1/health');
        expect(denied.status).toBe(401);
        // Only clients with the sandbox CA's certificate get as far as HTTP.
        const withoutCert = await agentFetch({ endpoint: h.endpoint }, '/v1/health').catch(
          (e: { cause?: { code?: string } }) => e.cause?.code,
        );
        expect(withoutCert).toBe('SELF_SIGNED_CERT_IN_CHAIN');
      }
    }
    // The two hosts are different libvirt instances: different host UUIDs would be too strict on
    // one machine, but their sockets and OVS databases differ.
    expect(up.hosts[0]!.libvirtUri).not.toBe(up.hosts[1]!.libvirtUri);

    const status = await sandboxStatus({ root });
    expect(status.healthy).toBe(true);
    expect(status.hosts.map((h) => [h.name, h.libvirtReachable, h.ovsReachable, h.agentHealthy])).toEqual([
      ['h1', true, true, withAgent ? true : null],
      ['h2', true, true, withAgent ? true : null],
    ]);

    if (withAgent) {
      const tf = readFileSync(path.join(emitDir, 'sandbox.tf'), 'utf8');
      for (const h of sandboxHosts({ root })) {
        expect(tf).toContain(`resource "nssv_host" "${h.name}" {`);
        expect(tf).toContain(`endpoint   = "${h.endpoint}"`);
        expect(tf).toContain(`token      = "${h.token}"`);
        expect(tf).toContain(`tls_dir    = "${path.join(root, 'tls')}"`);
      }
    }
  }, 60_000);

  it('up again is harmless: same hosts, same processes', async () => {
    const again = await sandboxUp({ root, hosts: 2, agentdMain: withAgent ? agentdMain : null });
    expect(again.action).toBe('unchanged');
    expect(again.hosts.map((h) => h.pids)).toEqual(up!.hosts.map((h) => h.pids));
  }, 60_000);

  it('GIVEN overcommit ratio options WHEN up runs again THEN the emitted cluster has them, and a later up without them keeps them', async () => {
    const cluster = (text: string) => text.match(/\w+_overcommit_ratio += [0-9.]+/g);
    const tfFile = path.join(emitDir, 'sandbox.tf');
    const set = await sandboxUp({
      root,
      hosts: 2,
      emitDir,
      agentdMain: withAgent ? agentdMain : null,
      cluster: { cpuOvercommitRatio: 2.5, memoryOvercommitRatio: 1.5 },
    });
    expect(set.action).toBe('unchanged');
    expect(set.cluster).toEqual({ cpuOvercommitRatio: 2.5, memoryOvercommitRatio: 1.5 });
    expect(cluster(readFileSync(tfFile, 'utf8'))).toEqual([
      'cpu_overcommit_ratio    = 2.5',
      'memory_overcommit_ratio = 1.5',
    ]);
    const kept = await sandboxUp({ root, hosts: 2, emitDir, agentdMain: withAgent ? agentdMain : null });
    expect(kept.cluster).toEqual({ cpuOvercommitRatio: 2.5, memoryOvercommitRatio: 1.5 });
    expect(cluster(readFileSync(tfFile, 'utf8'))).toEqual([
      'cpu_overcommit_ratio    = 2.5',
      'memory_overcommit_ratio = 1.5',
    ]);
  }, 60_000);

  it('up with more hosts adds the missing ones; a smaller --hosts removes nothing and says so', async () => {
    const more = await sandboxUp({ root, hosts: 3, agentdMain: withAgent ? agentdMain : null });
    expect(more.action).toBe('extended');
    expect(more.addedHosts).toEqual(['h3']);
    expect(more.hosts.slice(0, 2).map((h) => h.pids)).toEqual(up!.hosts.map((h) => h.pids));
    const h3 = more.hosts[2]!;
    expect((await hostVirsh(h3, ['list', '--all'])).exitCode).toBe(0);

    const fewer = await sandboxUp({ root, hosts: 1, agentdMain: withAgent ? agentdMain : null });
    expect(fewer.action).toBe('unchanged');
    expect(fewer.hosts.map((h) => h.name)).toEqual(['h1', 'h2', 'h3']);
    expect(fewer.notes).toEqual([
      `the sandbox already has 3 hosts; up never removes hosts (use \`nssv sandbox down --root ${root}\`, then \`nssv sandbox up --root ${root} --name ${name} --hosts 1\`)`,
    ]);
  }, 60_000);

  it('GIVEN dead daemons on one host THEN status names each with its log, and up restarts them in place', async () => {
    const before = (await sandboxStatus({ root })).hosts;
    const hostsBefore = sandboxHosts({ root });
    const info3 = readSandboxInfo({ root })!.hosts[2]!;
    const killed = info3.pids.filter((p) => ['ovs-vswitchd', 'libvirtd', 'agentd'].includes(p.role));
    for (const p of killed) process.kill(p.pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));

    const status = await sandboxStatus({ root });
    expect(status.healthy).toBe(false);
    expect(status.hosts.map((h) => [h.name, h.healthy])).toEqual([
      ['h1', true],
      ['h2', true],
      ['h3', false],
    ]);
    const text = statusText(status);
    for (const p of killed) {
      const log =
        p.role === 'agentd'
          ? `${root}/hosts/h3/logs/agentd.log`
          : p.role === 'libvirtd'
            ? `${root}/hosts/h3/libvirt/log/libvirtd.log`
            : `${root}/hosts/h3/ovs/log/ovs-vswitchd.log`;
      expect(text).toContain(`h3: ${p.role} (pid ${p.pid}) is not running; its log: ${log}\n`);
    }
    expect(text).toContain(
      `Fix: run \`nssv sandbox up --root ${root} --hosts 3\` to restart them in place (guests, endpoints and tokens are kept).\n`,
    );

    const repaired = await sandboxUp({ root, hosts: 3, agentdMain: withAgent ? agentdMain : null });
    expect(repaired.action).toBe('repaired');
    expect(repaired.restarted.map((d) => d.role).sort()).toEqual(
      ['ovs-vswitchd', 'tini(libvirtd)', 'libvirtd', ...(withAgent ? ['agentd'] : [])].sort(),
    );
    expect(repaired.restarted.every((d) => d.host === 'h3')).toBe(true);
    // Same endpoints and tokens; the other hosts were not touched.
    expect(sandboxHosts({ root })).toEqual(hostsBefore);
    expect(repaired.hosts.slice(0, 2).map((h) => h.pids)).toEqual(up!.hosts.map((h) => h.pids));
    const after = await sandboxStatus({ root });
    expect(after.healthy).toBe(true);
    expect(after.hosts.map((h) => h.processes.length)).toEqual(before.map((h) => h.processes.length));
    if (withAgent) {
      const h3 = hostsBefore.find((h) => h.name === 'h3')!;
      const ok = await agentFetch(h3, '/v1/health', { headers: { authorization: `Bearer ${h3.token}` } });
      expect(ok.status).toBe(200);
    }
  }, 60_000);

  it('a netdev bridge and a TCG guest with an openvswitch NIC work on each host (same guest name on both)', async () => {
    const xml = path.join(emitDir, 'tiny.xml');
    writeFileSync(xml, domainXml('tiny', 'br-e2e'));
    for (const h of up!.hosts) {
      const br = await hostOvsVsctl(h, [
        'add-br',
        'br-e2e',
        '--',
        'set',
        'bridge',
        'br-e2e',
        'datapath_type=netdev',
      ]);
      expect(br.stderr).not.toMatch(/Error detected/);
      await hostVirsh(h, ['define', xml]);
      await hostVirsh(h, ['start', 'tiny']);
      expect((await hostVirsh(h, ['domstate', 'tiny'])).stdout.trim()).toBe('running');
      const ports = (await hostOvsVsctl(h, ['list-ports', 'br-e2e'])).stdout.split('\n').filter(Boolean);
      expect(ports).toHaveLength(1);
      expect(ports[0]).toMatch(/^vnet\d+$/);
      // The tap device lives in the host's network namespace.
      const link = await hostNetnsExec(h, ['ip', '-br', 'link', 'show', ports[0]!]);
      expect(link.stdout).toContain(ports[0]);
    }
  }, 60_000);

  it('the underlay carries TCP from h1 to h2 (MTU 1600)', async () => {
    const [h1, h2] = up!.hosts as [SandboxUpResult['hosts'][0], SandboxUpResult['hosts'][0]];
    const server = execa(
      'ip',
      [
        'netns',
        'exec',
        h2.netns,
        process.execPath,
        '-e',
        `require('net').createServer((s) => s.end('pong')).listen(7777, '${h2.underlayIp}', () => console.log('up'))`,
      ],
      { reject: false },
    );
    try {
      const client = await hostNetnsExec(h1, [
        process.execPath,
        '-e',
        `const net = require('net'); let n = 0;
         const go = () => { const c = net.connect(7777, '${h2.underlayIp}');
           c.on('data', (d) => { process.stdout.write(d); c.end(); });
           c.on('error', () => (++n < 50 ? setTimeout(go, 100) : process.exit(3))); };
         go();`,
      ]);
      expect(client.stdout).toBe('pong');
      const mtu = await hostNetnsExec(h1, ['ip', '-o', 'link', 'show', 'eth0']);
      expect(mtu.stdout).toMatch(/mtu 1600/);
    } finally {
      server.kill('SIGKILL');
      await server;
    }
  }, 60_000);

  it('down stops every process up started (guests too) and removes namespaces, mounts and files', async () => {
    const started: ProcessRecord[] = [];
    for (const h of up!.hosts) {
      for (const p of h.pids) started.push(recordOf(p.role, p.pid));
      const qemuPid = Number(readFileSync(path.join(h.dir, 'libvirt/run/qemu/tiny.pid'), 'utf8'));
      started.push(recordOf('qemu', qemuPid));
    }
    expect(started.filter(isAlive)).toHaveLength(started.length);

    const down = await sandboxDown({ root });
    expect(down.wasUp).toBe(true);
    expect(down.hosts).toEqual(['h1', 'h2', 'h3']);
    expect(started.filter(isAlive).map((r) => `${r.role}:${r.pid}`)).toEqual([]);
    // Gone from /proc, not merely dead: no zombie is left (the OVS daemons and tinis are PID 1's
    // children once up has detached them, and this machine's PID 1 reaps slowly).
    expect(started.filter((r) => !isReaped(r)).map((r) => `${r.role}:${r.pid}`)).toEqual([]);
    expect(started.map((r) => r.role)).toEqual(
      expect.arrayContaining(['ovsdb-server', 'ovs-vswitchd', 'tini(libvirtd)']),
    );
    const namespaces = await netnsNames();
    for (const ns of [`${name}-underlay`, `${name}-h1`, `${name}-h2`, `${name}-h3`]) {
      expect(namespaces).not.toContain(ns);
    }
    expect(mountsUnder(root)).toEqual([]);
    expect(existsSync(root)).toBe(false);
    expect(processesMentioning(root)).toEqual([]);

    const again = await sandboxDown({ root });
    expect(again.wasUp).toBe(false);
    expect((await sandboxStatus({ root })).up).toBe(false);
  }, 60_000);
});

describeE2e('sandbox up that fails halfway', NEEDS, () => {
  it('undoes what it started and reports where to look', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'nssv-sbx-fail-'));
    const fake = path.join(mkdtempSync(path.join(tmpdir(), 'nssv-fake-agentd-')), 'main.js');
    writeFileSync(fake, 'console.error("fake agentd: failing on purpose"); process.exit(3);\n');
    const name = unique();
    let err: unknown;
    try {
      await sandboxUp({ root, name, hosts: 1, agentdMain: fake, startTimeoutMs: 5_000 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SandboxError);
    expect((err as SandboxError).code).toBe('start_timeout');
    expect((err as SandboxError).message).toMatch(
      /^agentd \(https:\/\/127\.0\.0\.1:\d+\) did not become ready within 5000 ms\.$/,
    );
    expect((err as SandboxError).detail).toBe('agentd exited');
    expect((err as SandboxError).hint).toBe(`See its log: ${root}/hosts/h1/logs/agentd.log`);

    const namespaces = await netnsNames();
    expect(namespaces.filter((n) => n.startsWith(`${name}-`))).toEqual([]);
    expect(mountsUnder(root)).toEqual([]);
    expect(processesMentioning(root)).toEqual([]);
    expect(existsSync(path.join(root, 'sandbox.json'))).toBe(false);
    rmSync(root, { recursive: true, force: true });
    rmSync(path.dirname(fake), { recursive: true, force: true });
  }, 60_000);
});

describeE2e('sandbox up interrupted', NEEDS, () => {
  it('GIVEN an aborted signal (Ctrl-C) THEN up stops, undoes what it started and says so', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'nssv-sbx-int-'));
    const name = unique();
    const abort = new AbortController();
    abort.abort();
    await expect(
      sandboxUp({ root, name, hosts: 2, agentdMain: null, signal: abort.signal }),
    ).rejects.toMatchObject({
      code: 'interrupted',
      message: 'Interrupted: sandbox up stopped and undid what it had started.',
    });
    expect((await netnsNames()).filter((n) => n.startsWith(`${name}-`))).toEqual([]);
    expect(mountsUnder(root)).toEqual([]);
    expect(processesMentioning(root)).toEqual([]);
    expect(existsSync(root)).toBe(false);
  }, 60_000);
});

describeE2e('sandbox up on a host that cannot be repaired in place', NEEDS, () => {
  it('GIVEN a host whose network namespace was deleted THEN up says so and asks for down + up with this root and name', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'nssv-sbx-broken-'));
    const name = unique();
    try {
      await sandboxUp({ root, name, hosts: 1, agentdMain: null });
      await execa('ip', ['netns', 'delete', `${name}-h1`]);
      let err: SandboxError | undefined;
      try {
        await sandboxUp({ root, hosts: 1, agentdMain: null });
      } catch (e) {
        err = e as SandboxError;
      }
      expect(err?.code).toBe('degraded');
      expect(err?.message).toBe(`The sandbox in ${root} is partly down and cannot be repaired in place.`);
      expect(err?.detail).toBe(`h1: its network namespace ${name}-h1 is gone`);
      expect(err?.hint).toBe(
        `Fix: run \`nssv sandbox down --root ${root}\` and then \`nssv sandbox up --root ${root} --name ${name} --hosts 1\` (this deletes its guests and gives the hosts new endpoints and tokens).`,
      );
    } finally {
      await sandboxDown({ root }).catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    }
    expect((await netnsNames()).filter((n) => n.startsWith(`${name}-`))).toEqual([]);
    expect(processesMentioning(root)).toEqual([]);
  }, 60_000);
});
