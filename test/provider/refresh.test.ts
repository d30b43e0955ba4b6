import { createHandlerContext } from '../../provider/handlers/context.js';
import type { HandlerContext } from '../../provider/handlers/types.js';
import { hostEndpoints, refresh } from '../../provider/refresh.js';
import { emptyState, type State } from '../../planner/state/types.js';
import { FakeAgent } from './agent/fakeAgent.js';
import { desired } from '../helpers/desired.js';
import { domainInfo } from '../helpers/inventory.js';

let h1: FakeAgent;
let h2: FakeAgent;
beforeEach(async () => {
  h1 = await new FakeAgent('h1').start();
  h2 = await new FakeAgent('h2').start();
});
afterEach(async () => {
  await h1.close();
  await h2.close();
});

const hostDesired = (a: FakeAgent) =>
  desired(`nssv_host.${a.hostName}`, {
    name: a.hostName,
    cluster_id: 'c',
    endpoint: a.endpoint().endpoint,
    token: a.endpoint().token,
  });

function stateWithH1(): State {
  return {
    ...emptyState('L'),
    serial: 3,
    resources: [
      {
        address: 'nssv_host.h1',
        type: 'nssv_host',
        attributes: { ...hostDesired(h1).attributes, cpus: 48, memory_mib: 131072, domain_type: 'kvm' },
        dependencies: [],
        sensitivePaths: [],
      },
      {
        address: 'nssv_volume.v',
        type: 'nssv_volume',
        attributes: { name: 'v', pool_id: 'p', host_id: 'h1', size_gib: 1, format: 'qcow2', id: 'h1/p/v' },
        dependencies: [],
        sensitivePaths: [],
      },
    ],
  };
}

describe('refresh with readLive false (-refresh=false)', () => {
  it('GIVEN hosts all in the state WHEN refreshing without reading THEN no request is sent; live and facts come from the state', async () => {
    const state = stateWithH1();
    const want = [hostDesired(h1)];
    const ctx = createHandlerContext(hostEndpoints(want, state));
    const r = await refresh(ctx, want, state, { readLive: false });
    expect(h1.requests).toEqual([]);
    expect([...r.live.entries()]).toEqual(state.resources.map((x) => [x.address, x.attributes]));
    expect([...r.hostFacts.values()]).toEqual([
      {
        name: 'h1',
        cluster: 'c',
        address: 'nssv_host.h1',
        cpus: 48,
        memoryMiB: 131072,
        maintenance: false,
        labels: {},
      },
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('GIVEN a host with labels in the configuration WHEN refreshing without reading THEN its facts carry them (placement by host_labels)', async () => {
    const state = stateWithH1();
    const labelled = desired('nssv_host.h1', { ...hostDesired(h1).attributes, labels: { rack: 'r2' } });
    const ctx = createHandlerContext(hostEndpoints([labelled], state));
    const r = await refresh(ctx, [labelled], state, { readLive: false });
    expect(h1.requests).toEqual([]);
    expect(r.hostFacts.get('h1')?.labels).toEqual({ rack: 'r2' });
  });

  it('GIVEN a declared host not in the state WHEN refreshing without reading THEN only that host is asked, for its facts', async () => {
    const state = stateWithH1();
    const want = [hostDesired(h1), hostDesired(h2)];
    const ctx = createHandlerContext(hostEndpoints(want, state));
    const r = await refresh(ctx, want, state, { readLive: false });
    expect(h1.requests).toEqual([]);
    expect(h2.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /v1/inventory']);
    expect(r.hostFacts.get('h2')).toEqual({
      name: 'h2',
      cluster: 'c',
      address: 'nssv_host.h2',
      cpus: 4,
      memoryMiB: 8192,
      maintenance: false,
      labels: {},
    });
  });

  it('GIVEN the default WHEN refreshing THEN each host is asked for its inventory once', async () => {
    const state = stateWithH1();
    const want = [hostDesired(h1)];
    const ctx = createHandlerContext(hostEndpoints(want, state));
    await refresh(ctx, want, state);
    expect(h1.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /v1/inventory']);
  });
});

describe('refresh with a host that does not answer (HA, issue 11)', () => {
  const haVm = (ha: boolean) => ({
    address: 'nssv_vm.ha',
    type: 'nssv_vm',
    attributes: { name: 'ha', cluster_id: 'c', host_id: 'h1', ha_enabled: ha, uuid: 'u-1', memory_mib: 64 },
    dependencies: [],
    sensitivePaths: [],
  });
  const withVm = (ha: boolean): State => {
    const s = stateWithH1();
    return { ...s, resources: [...s.resources, haVm(ha)] };
  };

  it('GIVEN h1 runs an HA VM WHEN its agent is down THEN h1 is taken as lost: a warning naming what is on it, its resources kept as recorded', async () => {
    const state = withVm(true);
    const want = [hostDesired(h1), hostDesired(h2)];
    const endpoint = h1.endpoint().endpoint;
    await h1.close();
    const ctx = createHandlerContext(hostEndpoints(want, state));
    const r = await refresh(ctx, want, state);
    expect([...r.lostHosts]).toEqual(['h1']);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.detail])).toEqual([
      [
        'warning',
        'NSSV_HOST_LOST',
        'HA VMs on it are restarted on other hosts of its cluster by the next apply (their old copies are fenced off their rbd disks first): nssv_vm.ha. Left as recorded until the host answers again (not HA, or not movable): nssv_volume.v. When it answers again, the next apply destroys any copy it still has of a VM that runs elsewhere.',
      ],
    ]);
    expect(r.diagnostics[0]!.summary).toContain(`cannot reach the agent of host h1 at ${endpoint}`);
    expect(r.diagnostics[0]!.summary).toContain('; its cluster has HA VMs, so nssv treats host h1 as failed');
    expect(r.live.get('nssv_vm.ha')).toEqual(haVm(true).attributes);
    expect(r.live.get('nssv_volume.v')).toEqual(state.resources[1]!.attributes);
    expect([...r.hostFacts.keys()]).toEqual(['h2']);
  });

  it('GIVEN no HA VM in its cluster WHEN an agent is down THEN it stays an error', async () => {
    const state = withVm(false);
    const want = [hostDesired(h1)];
    await h1.close();
    const ctx = createHandlerContext(hostEndpoints(want, state));
    const r = await refresh(ctx, want, state);
    expect([...r.lostHosts]).toEqual([]);
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([['error', 'NSSV_AGENT_UNREACHABLE']]);
  });
});

describe('refresh of what hosts hold, from one inventory per host', () => {
  const vmAt = (name: string, host: string) => ({
    address: `nssv_vm.${name}`,
    type: 'nssv_vm',
    attributes: {
      name,
      cluster_id: 'c',
      host_id: host,
      memory_mib: 64,
      uuid: `u-${name}`,
      disk: [],
      nic: [],
    },
    dependencies: [],
    sensitivePaths: [],
  });

  it('GIVEN two VMs and a volume on h1, one VM gone WHEN refreshing THEN h1 is asked once: the VM read from it, the gone one null, the volume read', async () => {
    h1.inventory.domains.push(domainInfo('a', { vcpus: 2 }));
    h1.inventory.volumes.push({
      pool: 'p',
      name: 'v',
      address: 'nssv_volume.v',
      format: 'qcow2',
      sizeGiB: 2,
      path: '/srv/p/v.qcow2',
      allocatedBytes: 0,
    });
    const s = stateWithH1();
    const state = { ...s, resources: [...s.resources, vmAt('a', 'h1'), vmAt('b', 'h1')] };
    const want = [hostDesired(h1)];
    const r = await refresh(createHandlerContext(hostEndpoints(want, state)), want, state);
    expect(h1.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /v1/inventory']);
    expect(r.diagnostics).toEqual([]);
    expect(r.live.get('nssv_vm.a')).toMatchObject({
      name: 'a',
      vcpus: 2,
      power_state: 'running',
      host_id: 'h1',
    });
    expect(r.live.get('nssv_vm.b')).toBeNull();
    expect(r.live.get('nssv_volume.v')).toMatchObject({ size_gib: 2, format: 'qcow2' });
    expect(r.live.get('nssv_host.h1')).toMatchObject({ cpus: 4, memory_mib: 8192, domain_type: 'qemu' });
  });

  it('GIVEN an instance that reads back as recorded WHEN refreshing THEN its live value is the record itself; one that does not, a new value', async () => {
    h1.inventory.domains.push(domainInfo('a', { vcpus: 2 }));
    const s = stateWithH1();
    const first = await refresh(
      createHandlerContext(hostEndpoints([hostDesired(h1)], s)),
      [hostDesired(h1)],
      {
        ...s,
        resources: [...s.resources, vmAt('a', 'h1')],
      },
    );
    // The record as the refresh read it, then refreshed against the same inventory.
    const recorded = { ...vmAt('a', 'h1'), attributes: first.live.get('nssv_vm.a')! };
    const stale = { ...vmAt('b', 'h1'), attributes: { ...recorded.attributes, name: 'b', memory_mib: 1 } };
    h1.inventory.domains.push(domainInfo('b', { vcpus: 2 }));
    const state = { ...s, resources: [...s.resources, recorded, stale] };
    const r = await refresh(
      createHandlerContext(hostEndpoints([hostDesired(h1)], state)),
      [hostDesired(h1)],
      state,
    );
    expect(r.live.get('nssv_vm.a')).toBe(recorded.attributes);
    expect(r.live.get('nssv_vm.b')).not.toBe(stale.attributes);
    expect(r.live.get('nssv_vm.b')).toMatchObject({ name: 'b', memory_mib: 128 });
  });

  it('GIVEN VMs recorded on a host the configuration no longer declares WHEN refreshing THEN one error for that host, naming the first of them', async () => {
    const s = stateWithH1();
    const state = { ...s, resources: [...s.resources, vmAt('a', 'h9'), vmAt('b', 'h9')] };
    const want = [hostDesired(h1)];
    const r = await refresh(createHandlerContext(hostEndpoints(want, state)), want, state);
    expect(r.diagnostics.map((d) => [d.code, d.address, d.summary])).toEqual([
      ['NSSV_REFRESH_FAILED', 'nssv_vm.a', 'host "h9" is not declared: add an nssv_host with name = "h9"'],
    ]);
    expect(r.live.has('nssv_vm.a')).toBe(false);
    expect(r.live.get('nssv_volume.v')).toBeNull();
  });

  it("GIVEN the agent at h1's endpoint says it is h2 WHEN refreshing THEN the host's read fails with the fix, the others on it are read", async () => {
    h1.inventory.host.name = 'h2';
    const state = stateWithH1();
    const want = [hostDesired(h1)];
    const r = await refresh(createHandlerContext(hostEndpoints(want, state)), want, state);
    expect(r.diagnostics.map((d) => [d.code, d.address, d.summary])).toEqual([
      [
        'NSSV_HOST_MISMATCH',
        'nssv_host.h1',
        `nssv_host.h1: name = "h1", but the agent at ${h1.url} says it is host "h2"`,
      ],
      [
        'NSSV_REFRESH_FAILED',
        'nssv_host.h1',
        `the agent at ${h1.url} says it is host "h2", not "h1"; fix the endpoint of nssv_host "h1" or the agent's hostName`,
      ],
    ]);
    expect(r.live.get('nssv_volume.v')).toBeNull();
  });
});

describe('refresh with inventory tags (conditional reads)', () => {
  /** A pool on both hosts and a volume on h1, as a plain refresh reads them: records that read back as recorded. */
  async function recordedState(): Promise<State> {
    for (const a of [h1, h2])
      a.inventory.pools.push({
        name: 'p',
        path: '/p',
        address: 'nssv_storage_pool.p',
        capacityBytes: 1 << 30,
        availableBytes: 1 << 29,
      });
    h1.inventory.volumes.push({
      name: 'v',
      pool: 'p',
      sizeGiB: 1,
      format: 'qcow2',
      address: 'nssv_volume.v',
      path: '/p/v',
      allocatedBytes: 0,
    });
    const base = stateWithH1();
    const pool = {
      address: 'nssv_storage_pool.p',
      type: 'nssv_storage_pool',
      attributes: { name: 'p', kind: 'dir', cluster_id: 'c', host_ids: ['h1', 'h2'], id: 'p' },
      dependencies: [],
      sensitivePaths: [],
    };
    const state: State = { ...base, resources: [...base.resources, pool] };
    const want = [hostDesired(h1), hostDesired(h2)];
    const read = await refresh(createHandlerContext(hostEndpoints(want, state)), want, state);
    expect(read.diagnostics).toEqual([]);
    return {
      ...state,
      resources: state.resources.map((r) => ({ ...r, attributes: read.live.get(r.address) ?? r.attributes })),
    };
  }

  /** A context whose conditional reads answer as given: 'unchanged' (304) or the inventory with a tag. */
  function taggedContext(state: State, answers: Record<string, 'unchanged' | string>) {
    const want = [hostDesired(h1), hostDesired(h2)];
    const base = createHandlerContext(hostEndpoints(want, state));
    const ctx: HandlerContext = {
      ...base,
      conditionalInventory: async (host) =>
        answers[host] === 'unchanged'
          ? { unchanged: true, etag: `"${host}"` }
          : { unchanged: false, inventory: await base.inventory(host), etag: answers[host] },
    };
    return { ctx, want };
  }
  const known = new Map([
    ['h1', { etag: '"h1"', facts: { name: 'h1', cpus: 48, memoryMiB: 131072 } }],
    ['h2', { etag: '"h2"', facts: { name: 'h2', cpus: 2, memoryMiB: 2048 } }],
  ]);
  const inventoryReads = () =>
    [...h1.requests, ...h2.requests].filter((q) => q.path === '/v1/inventory').length;

  it('GIVEN every host answers 304 to its known tag THEN no inventory is read: records as recorded, facts from the tags, both reported unchanged', async () => {
    const state = await recordedState();
    const before = inventoryReads();
    const { ctx, want } = taggedContext(state, { h1: 'unchanged', h2: 'unchanged' });
    const r = await refresh(ctx, want, state, { tags: { known } });
    expect(inventoryReads() - before).toBe(0);
    expect([...r.live]).toEqual(state.resources.map((x) => [x.address, x.attributes]));
    expect([...r.hostFacts.values()].map((f) => [f.name, f.cpus, f.memoryMiB])).toEqual([
      ['h1', 48, 131072],
      ['h2', 2, 2048],
    ]);
    expect([...r.tagged!]).toEqual([
      ['h1', { etag: '"h1"', unchanged: true, differs: false, facts: known.get('h1')!.facts }],
      ['h2', { etag: '"h2"', unchanged: true, differs: false, facts: known.get('h2')!.facts }],
    ]);
  });

  it('GIVEN h2 changed (a new tag) THEN the pool is read again from h2 alone, as recorded on h1 (not asked again); nothing differs', async () => {
    const state = await recordedState();
    const { ctx, want } = taggedContext(state, { h1: 'unchanged', h2: '"h2-new"' });
    const r = await refresh(ctx, want, state, { tags: { known } });
    expect(r.live.get('nssv_storage_pool.p')).toEqual(
      state.resources.find((x) => x.address === 'nssv_storage_pool.p')!.attributes,
    );
    expect(h1.requests.filter((q) => q.path === '/v1/inventory')).toHaveLength(1); // the plain read only
    expect(r.tagged!.get('h2')).toEqual({
      etag: '"h2-new"',
      unchanged: false,
      differs: false,
      facts: { name: 'h2', cpus: 4, memoryMiB: 8192 },
    });
  });

  it('GIVEN the volume removed from h1 out of band THEN it reads as gone and h1 differs, the pool keeps h2 as read back', async () => {
    const state = await recordedState();
    h1.inventory.volumes.length = 0;
    const { ctx, want } = taggedContext(state, { h1: '"h1-new"', h2: 'unchanged' });
    const r = await refresh(ctx, want, state, { tags: { known } });
    expect(r.live.get('nssv_volume.v')).toBeNull();
    expect([r.tagged!.get('h1')!.differs, r.tagged!.get('h2')!.differs]).toEqual([true, false]);
  });

  it('GIVEN the pool gone from h2 out of band THEN it is read without h2, and both of its hosts differ', async () => {
    const state = await recordedState();
    h2.inventory.pools.length = 0;
    const { ctx, want } = taggedContext(state, { h1: 'unchanged', h2: '"h2-new"' });
    const r = await refresh(ctx, want, state, { tags: { known } });
    expect(r.live.get('nssv_storage_pool.p')).toMatchObject({ host_ids: ['h1'] });
    expect([r.tagged!.get('h1')!.differs, r.tagged!.get('h2')!.differs]).toEqual([true, true]);
  });

  it('GIVEN a 304 to a tag the refresh does not know THEN the host is read whole', async () => {
    const state = await recordedState();
    const before = h1.requests.length;
    const { ctx, want } = taggedContext(state, { h1: 'unchanged', h2: 'unchanged' });
    const r = await refresh(ctx, want, state, { tags: { known: new Map([['h2', known.get('h2')!]]) } });
    expect(h1.requests.length - before).toBe(1);
    expect(r.tagged!.has('h1')).toBe(false);
    expect(r.live.get('nssv_volume.v')).toEqual(
      state.resources.find((x) => x.address === 'nssv_volume.v')!.attributes,
    );
  });

  it('GIVEN no tags THEN nothing is reported tagged', async () => {
    const state = await recordedState();
    const { ctx, want } = taggedContext(state, { h1: 'unchanged', h2: 'unchanged' });
    expect((await refresh(ctx, want, state)).tagged).toBeUndefined();
  });
});
