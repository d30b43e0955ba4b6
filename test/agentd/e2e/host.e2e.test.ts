/**
 * agentd end to end on real daemons: a sandbox host (its own libvirtd, Open vSwitch and pool
 * directory) with agentd compiled from this tree, driven only through agentd's HTTP API; results
 * checked with virsh, ovs-vsctl and the file system. Needs root and scripts/setup-host.sh's packages.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DomainInfo, Inventory } from '../../../schemas/generated/agentApi.js';
import {
  hostOvsVsctl,
  hostVirsh,
  sandboxDown,
  sandboxUp,
  type SandboxHostInfo,
} from '../../../sandbox/index.js';
import { jest } from '@jest/globals';
import { describeE2e, SANDBOX_NEEDS } from '../../helpers/e2e.js';
import { agentFetch } from '../../helpers/agentFetch.js';
import { buildAgentd } from './build-agentd.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
jest.setTimeout(300_000);

describeE2e('agentd on a real host (libvirt, OVS, qemu-img)', SANDBOX_NEEDS, () => {
  let root: string;
  let host: SandboxHostInfo;
  const timings: Record<string, number> = {};

  async function call(method: string, path: string, body?: unknown, token: string | null = host.token) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const res = await agentFetch(host, path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  }
  async function ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await call(method, path, body);
    if (res.status !== 200) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }
  async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[label] = Math.round(performance.now() - started);
    }
  }
  const virsh = async (...args: string[]) => (await hostVirsh(host, args)).stdout.trim();
  const vsctl = async (...args: string[]) => (await hostOvsVsctl(host, args)).stdout.trim();

  beforeAll(async () => {
    const agentdMain = await buildAgentd(repoRoot);
    root = mkdtempSync(join(tmpdir(), 'nssv-agentd-e2e-'));
    const sb = await sandboxUp({ root, name: `ag${process.pid.toString(36)}`, hosts: 1, agentdMain });
    host = sb.hosts[0]!;
  });

  afterAll(async () => {
    console.log(`agentd e2e timings (ms): ${JSON.stringify(timings)}`);
    if (root) {
      await sandboxDown({ root });
      rmSync(root, { recursive: true, force: true });
    }
  });

  const domainSpec = {
    address: 'nssv_vm.web[0]',
    vcpus: 1,
    memoryMiB: 64,
    disks: [{ pool: 'p1', volume: 'web-root' }],
    nics: [{ switch: 'sw1', portGroup: 'web' }],
    powerState: 'running',
  };

  it('GIVEN an empty host WHEN pool, volume, switch, VLAN port group and domain are PUT THEN the guest runs on its qcow2 disk with a VLAN-tagged OVS port', async () => {
    await ok('PUT', '/v1/pools/p1', { address: 'nssv_storage_pool.p1' });
    const volume = await ok<{ path: string }>('PUT', '/v1/pools/p1/volumes/web-root', {
      address: 'nssv_volume.web_root',
      sizeGiB: 1,
      format: 'qcow2',
    });
    expect(volume.path).toBe(join(host.storageRoot, 'p1', 'web-root.qcow2'));
    await ok('PUT', '/v1/switches/sw1', { address: 'nssv_distributed_switch.sw1', mtu: 1500 });
    await ok('PUT', '/v1/switches/sw1/port-groups/web', { address: 'nssv_port_group.web', vlanId: 42 });
    const domain = await timed('define+start', () => ok<DomainInfo>('PUT', '/v1/domains/web-0', domainSpec));

    expect(domain).toMatchObject({
      name: 'web-0',
      address: 'nssv_vm.web[0]',
      memoryMiB: 64,
      state: 'running',
      powerState: 'running',
    });
    expect(await virsh('domstate', 'web-0')).toBe('running');
    expect(await virsh('domblklist', 'web-0')).toContain(join(host.storageRoot, 'p1', 'web-root.qcow2'));
    const tap = await virsh('domiflist', 'web-0');
    const tapName = /^\s*(\S+)\s+bridge\s+sw1\s/m.exec(tap)?.[1];
    expect(tapName).toBeDefined();
    expect(await vsctl('get', 'Port', tapName!, 'tag')).toBe('42');
    expect(await vsctl('get', 'Bridge', 'sw1', 'datapath_type')).toBe('netdev');
    expect(await vsctl('get', 'Bridge', 'sw1', 'external_ids:nssv-address')).toBe(
      'nssv_distributed_switch.sw1',
    );
  });

  it('GIVEN the running domain WHEN PUT again unchanged THEN nothing changes (idempotent) and it keeps running', async () => {
    const before = await ok<DomainInfo>('PUT', '/v1/domains/web-0', domainSpec);
    const pid = await virsh('domid', 'web-0');
    const again = await timed('put unchanged', () => ok<DomainInfo>('PUT', '/v1/domains/web-0', domainSpec));
    expect(again).toEqual(before);
    expect(await virsh('domid', 'web-0')).toBe(pid);
  });

  it('GIVEN the running domain WHEN its memory changes THEN it is updated in place: same UUID, new memory, running again', async () => {
    const uuid = await virsh('domuuid', 'web-0');
    const updated = await timed('update memory (power cycle)', () =>
      ok<DomainInfo>('PUT', '/v1/domains/web-0', { ...domainSpec, memoryMiB: 96 }),
    );
    expect(updated).toMatchObject({ uuid, memoryMiB: 96, state: 'running' });
    expect(await virsh('domuuid', 'web-0')).toBe(uuid);
    expect(await virsh('domstate', 'web-0')).toBe('running');
    expect(await virsh('dumpxml', 'web-0')).toContain(`<memory unit='KiB'>98304</memory>`);
  });

  it('GIVEN requests without or with a wrong token WHEN they try to change things THEN 401 and the inventory is unchanged', async () => {
    // Free space moves with whatever else the machine writes; everything else must stay the same.
    const steady = (inv: Inventory) => ({
      ...inv,
      pools: inv.pools.map(({ availableBytes: _free, ...p }) => p),
    });
    const before = steady(await ok<Inventory>('GET', '/v1/inventory'));
    for (const token of [null, 'wrong-token-0123456789']) {
      expect((await call('DELETE', '/v1/domains/web-0', undefined, token)).status).toBe(401);
      expect((await call('PUT', '/v1/pools/p2', { address: 'x' }, token)).status).toBe(401);
      expect((await call('DELETE', '/v1/switches/sw1/port-groups/web', undefined, token)).status).toBe(401);
      expect((await call('GET', '/v1/inventory', undefined, token)).status).toBe(401);
    }
    expect(steady(await ok<Inventory>('GET', '/v1/inventory'))).toEqual(before);
    expect(await virsh('domstate', 'web-0')).toBe('running');
  });

  it('GIVEN a name with shell metacharacters WHEN PUT THEN 400 invalid_name and nothing is created', async () => {
    const res = await call('PUT', `/v1/pools/${encodeURIComponent('p1;touch /tmp/pwned')}`, { address: 'x' });
    expect(res).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_name',
          message:
            'invalid pool name "p1;touch /tmp/pwned": names start with a lowercase letter followed by up to 62 lowercase letters, digits or hyphens',
        },
      },
    });
    expect(readdirSync(host.storageRoot)).toEqual(['p1']);
  });

  it('GIVEN objects in use WHEN their dependencies are deleted THEN 409 and they stay', async () => {
    expect((await call('DELETE', '/v1/pools/p1/volumes/web-root')).status).toBe(409);
    expect((await call('DELETE', '/v1/switches/sw1/port-groups/web')).status).toBe(409);
    expect((await call('DELETE', '/v1/pools/p1')).status).toBe(409);
  });

  it('GIVEN 20 more (shut off) domains WHEN the inventory is read THEN it lists all 21 quickly', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `idle-${i}`);
    await timed('define 20 shut-off domains', async () => {
      for (const n of names) {
        await ok('PUT', `/v1/domains/${n}`, {
          ...domainSpec,
          address: `nssv_vm.idle[${n}]`,
          disks: [],
          powerState: 'shutoff',
        });
      }
    });
    const inventory = await timed('inventory with 21 domains', () => ok<Inventory>('GET', '/v1/inventory'));
    expect(inventory.domains.map((d) => d.name).sort()).toEqual(['web-0', ...names].sort());
    expect(inventory.host).toMatchObject({ name: host.name, domainType: 'qemu' });
    expect(inventory.host.cpus).toBeGreaterThan(0);
    await timed('delete 20 shut-off domains', async () => {
      for (const n of names) expect(await ok('DELETE', `/v1/domains/${n}`)).toEqual({ deleted: true });
    });
  });

  it('GIVEN everything WHEN deleted in reverse order THEN the inventory is empty and nothing is left in libvirt, OVS or the pool directory', async () => {
    expect(
      await timed('delete running domain (ACPI timeout + destroy + undefine)', () =>
        ok('DELETE', '/v1/domains/web-0'),
      ),
    ).toEqual({
      deleted: true,
    });
    expect(await ok('DELETE', '/v1/domains/web-0')).toEqual({ deleted: false });
    expect(await ok('DELETE', '/v1/pools/p1/volumes/web-root')).toEqual({ deleted: true });
    expect(await ok('DELETE', '/v1/switches/sw1/port-groups/web')).toEqual({ deleted: true });
    expect(await ok('DELETE', '/v1/switches/sw1')).toEqual({ deleted: true });
    expect(await ok('DELETE', '/v1/pools/p1')).toEqual({ deleted: true });
    expect(await ok('DELETE', '/v1/pools/p1')).toEqual({ deleted: false });

    const inventory = await ok<Inventory>('GET', '/v1/inventory');
    expect(inventory).toMatchObject({ pools: [], volumes: [], switches: [], portGroups: [], domains: [] });
    expect(await virsh('list', '--all', '--name')).toBe('');
    // br-phy is the host's own underlay bridge (the sandbox's), not nssv's.
    expect(await vsctl('list-br')).toBe('br-phy');
    expect(readdirSync(host.storageRoot)).toEqual([]);
  });

  it('GIVEN the agent WHEN /metrics is scraped THEN Prometheus text with request counts and managed objects', async () => {
    const res = await agentFetch(host, '/metrics', {
      headers: { authorization: `Bearer ${host.token}` },
    });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain(
      'nssv_agent_requests_total{method="PUT",route="/v1/domains/:domain",status="200"}',
    );
    expect(text).toContain(
      'nssv_agent_requests_total{method="DELETE",route="/v1/domains/:domain",status="401"} 2',
    );
    expect(text).toContain('nssv_agent_managed_objects{kind="domains"} 0');
    // the real virsh runs this agent made, counted by subcommand
    expect(text).toMatch(/^nssv_agent_tool_runs_total\{tool="virsh",command="list"\} [1-9]\d*$/m);
  });
});
