import { Metrics } from '../../agentd/metrics.js';

describe('Metrics: the managed-object counts', () => {
  it('GIVEN counts never read THEN they are stale, and no read time is rendered', () => {
    const m = new Metrics();
    expect(m.managedObjectsStale(0, 60_000)).toBe(true);
    expect(m.render()).not.toContain('nssv_agent_managed_objects_read_timestamp_seconds');
  });

  it('GIVEN counts read THEN fresh until a change request ends after their inventory started, or they age', () => {
    const m = new Metrics();
    const started = m.changeRequestsEnded;
    m.observeRequest('GET', '/v1/inventory', 200, 5);
    m.setManagedObjects('domains', 2);
    m.managedObjectsRead(started, 1_000_000);
    expect(m.managedObjectsStale(1_000_000 + 60_000, 60_000)).toBe(false);
    expect(m.managedObjectsStale(1_000_000 + 60_001, 60_000)).toBe(true);
    expect(m.render()).toContain('nssv_agent_managed_objects_read_timestamp_seconds 1000\n');
    m.observeRequest('DELETE', '/v1/domains/:domain', 200, 5);
    expect(m.managedObjectsStale(1_000_001, 60_000)).toBe(true);
  });

  it('GIVEN a change request that ends while an inventory runs THEN the counts it sets are stale', () => {
    const m = new Metrics();
    const started = m.changeRequestsEnded;
    m.observeRequest('PUT', '/v1/domains/:domain', 200, 5);
    m.managedObjectsRead(started, 1_000);
    expect(m.managedObjectsStale(1_001, 60_000)).toBe(true);
    m.managedObjectsRead(m.changeRequestsEnded, 2_000);
    expect(m.managedObjectsStale(2_001, 60_000)).toBe(false);
  });
});
