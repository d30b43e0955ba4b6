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
