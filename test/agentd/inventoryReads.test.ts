/** When the agent reads its host: the tool runs of an inventory, and which /metrics scrapes run one. */
import { emptyHost } from './empty-host.js';
import type { FakeExec } from './fake-exec.js';
import { startTestAgent, type TestAgent } from './harness.js';

let host: TestAgent;
let fake: FakeExec;
beforeEach(async () => {
  fake = emptyHost();
  host = await startTestAgent(fake.exec);
});
afterEach(async () => host.close());

describe('the tool runs of an inventory', () => {
  it('GIVEN a host WHEN its inventory is read THEN no tool run is made twice, and the switch tables are read once', async () => {
    const res = await host.request('GET', '/v1/inventory');
    expect(res.status).toBe(200);
    const lines = fake.lines();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l, i) => lines.indexOf(l) !== i)).toEqual([]);
    expect(fake.lines('list Bridge')).toHaveLength(1);
    expect(fake.lines('virsh -q -c qemu:///system?socket=/nonexistent list --all')).toHaveLength(1);
  });

  it('GIVEN two inventories THEN the second reads the domains and the switch tables again', async () => {
    await host.request('GET', '/v1/inventory');
    await host.request('GET', '/v1/inventory');
    expect(fake.lines('list Bridge')).toHaveLength(2);
    expect(fake.lines('list --all')).toHaveLength(2);
  });
});

const inventories = (): number => fake.lines('list --all').length;

describe('GET /metrics', () => {
  it('GIVEN scrapes with no change between them THEN the host is read for the first only', async () => {
    const first = await host.request('GET', '/metrics');
    expect(first.status).toBe(200);
    expect(first.text).toContain('nssv_agent_managed_objects{kind="domains"} 0');
    expect(first.text).toMatch(/^nssv_agent_managed_objects_read_timestamp_seconds \d+$/m);
    const reads = inventories();
    expect(reads).toBeGreaterThan(0);
    await host.request('GET', '/metrics');
    await host.request('GET', '/v1/health');
    await host.request('GET', '/metrics');
    expect(inventories()).toBe(reads);
  });

  it('GIVEN a request that may change the host since the last read THEN the next scrape reads it again', async () => {
    await host.request('GET', '/metrics');
    const reads = inventories();
    await host.request('DELETE', '/v1/domains/web1');
    await host.request('GET', '/metrics');
    expect(inventories()).toBeGreaterThan(reads);
  });
});
