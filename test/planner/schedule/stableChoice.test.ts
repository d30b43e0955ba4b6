import { capacityOf, type HostCapacity } from '../../../planner/schedule/capacity.js';
import { stableChooseHost } from '../../../planner/schedule/stableChoice.js';

const hosts = (used: Record<string, number> = {}): HostCapacity[] =>
  ['h1', 'h2', 'h3'].map((name) => {
    const c = capacityOf(
      { name, cluster: 'c', address: `nssv_host.${name}`, cpus: 8, memoryMiB: 8192, maintenance: false },
      1,
      1,
    );
    c.usedMemoryMiB = used[name] ?? 0;
    return c;
  });
const pick = (key: string, caps = hosts()) => {
  const c = stableChooseHost(caps, { memoryMiB: 512, vcpus: 1 }, key);
  return c.ok ? c.host.host.name : c.why;
};

describe('stableChooseHost', () => {
  it('GIVEN the same VM WHEN chosen again, with hosts in another order or other load THEN the same host', () => {
    const first = pick('web1');
    expect(pick('web1', hosts().reverse())).toBe(first);
    expect(pick('web1', hosts({ h1: 4096, h2: 2048, h3: 1024 }))).toBe(first);
  });

  it('GIVEN many VMs THEN every host gets a share', () => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < 300; i++) counts[pick(`vm-${i}`)] = (counts[pick(`vm-${i}`)] ?? 0) + 1;
    expect(Object.keys(counts).sort()).toEqual(['h1', 'h2', 'h3']);
    for (const n of Object.values(counts)) expect(n).toBeGreaterThan(60);
  });

  it('GIVEN its host is full THEN the VM goes to another; GIVEN all are full THEN the reason names the most free', () => {
    const first = pick('web1');
    expect(pick('web1', hosts({ [first]: 8000 }))).not.toBe(first);
    expect(pick('web1', hosts({ h1: 8000, h2: 7900, h3: 8100 }))).toBe(
      'no host has 512 MiB of memory and 1 vCPUs free (most free: h2 with 292 MiB and 8 vCPUs, overcommit included)',
    );
  });
});
