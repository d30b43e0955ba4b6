import { createHandlerContext } from '../../provider/handlers/context.js';
import { hostEndpoints, refresh } from '../../provider/refresh.js';
import { emptyState, type State } from '../../planner/state/types.js';
import { FakeAgent } from './agent/fakeAgent.js';
import { desired } from '../helpers/desired.js';

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
      { name: 'h1', cluster: 'c', address: 'nssv_host.h1', cpus: 48, memoryMiB: 131072, maintenance: false },
    ]);
    expect(r.diagnostics).toEqual([]);
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
