/**
 * StopProvider while an apply waits on a slow agent: the agent call in flight is cancelled, the
 * RPC answers at once with NSSV_AGENT_CANCELLED, and nothing new starts afterwards.
 */
import { applyResource } from '../../../../provider/tfplugin/resources/apply.js';
import { Session } from '../../../../provider/tfplugin/session.js';
import { FakeAgent } from '../../agent/fakeAgent.js';

let agent: FakeAgent;
beforeEach(async () => {
  agent = await new FakeAgent('h1').start();
});
afterEach(() => agent.close());

const pool = (name: string) => ({
  id: name,
  name,
  kind: 'dir',
  cluster_id: 'c',
  replicas: null,
  erasure_code: null,
  failure_domain: null,
  thin_provisioning: true,
  quota_gib: null,
  recovery_qos: null,
  description: '',
  host_ids: ['h1'],
});

describe('applyResource and StopProvider', () => {
  it('GIVEN a create waiting on a slow agent WHEN the provider is stopped THEN the call is cancelled at once', async () => {
    agent.delayMs = (method) => (method === 'PUT' ? 60_000 : 0);
    const s = new Session();
    s.configure(new Map([['h1', { ...agent.endpoint(), cluster: 'c' }]]));
    const t0 = Date.now();
    const applying = applyResource(s, 'nssv_storage_pool', null, pool('local'));
    while (!agent.requests.some((r) => r.method === 'PUT')) await new Promise((r) => setTimeout(r, 10));
    s.requestStop();
    const r = await applying;
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.state).toBeNull();
    expect(r.diagnostics.map((d) => `${d.code}: ${d.summary}`)).toEqual([
      'NSSV_AGENT_CANCELLED: nssv_storage_pool "local": PUT /v1/pools/local to the agent of host h1 was cancelled: Terraform asked the provider to stop (interrupted)',
    ]);
    expect(r.diagnostics[0]!.detail).toBe(
      'The agent of host h1 finishes that step on its own (or undoes it if it fails), but Terraform did not record it. If the next terraform apply reports NSSV_OBJECT_EXISTS for it, terraform import it.',
    );
    const next = await applyResource(s, 'nssv_storage_pool', null, pool('other'));
    expect(next.diagnostics.map((d) => d.code)).toEqual(['NSSV_STOPPED']);
    expect(agent.calls()).toEqual(['PUT /v1/pools/local']);
  });
});
