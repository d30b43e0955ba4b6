import { Domains } from '../../../agentd/domains/domains.js';
import { Virsh } from '../../../agentd/drivers/virsh.js';
import type { Switches } from '../../../agentd/network/switches.js';
import { PoolLayout } from '../../../agentd/storage/layout.js';
import type { Volumes } from '../../../agentd/storage/volumes.js';
import type { DomainSpec } from '../../../schemas/generated/agentApi.js';
import { FakeLibvirt } from './fake-libvirt.js';

const volumes = { get: async () => undefined } as unknown as Volumes;
const switches = { list: async () => ({ switches: [], portGroups: [] }) } as unknown as Switches;
const spec: DomainSpec = {
  address: 'nssv_vm.vm1',
  vcpus: 1,
  memoryMiB: 64,
  disks: [],
  nics: [],
  powerState: 'running',
  tags: { team: 'web' },
};

function setup() {
  const libvirt = new FakeLibvirt();
  const domains = new Domains(
    new Virsh(libvirt.fake.exec, 'qemu:///system'),
    volumes,
    switches,
    new PoolLayout('/srv'),
    { domainType: 'qemu', shutdownTimeoutMs: 30, pollIntervalMs: 5 },
  );
  return { libvirt, domains };
}

describe('Domains: tags', () => {
  it('GIVEN a spec with tags WHEN put THEN the domain reports them', async () => {
    const { domains } = setup();
    expect((await domains.put('vm1', spec)).tags).toEqual({ team: 'web' });
    expect((await domains.list()).map((d) => d.tags)).toEqual([{ team: 'web' }]);
  });

  it('GIVEN a running domain WHEN only its tags change THEN it is redefined in place, never stopped', async () => {
    const { libvirt, domains } = setup();
    const before = await domains.put('vm1', spec);
    libvirt.fake.calls.length = 0;
    const after = await domains.put('vm1', { ...spec, tags: { team: 'db', tier: '1' } });
    expect(after).toMatchObject({ uuid: before.uuid, state: 'running', tags: { team: 'db', tier: '1' } });
    const verbs = libvirt
      .verbs()
      .filter((v) => ['shutdown', 'destroy', 'define', 'start', 'undefine'].includes(v));
    expect(verbs).toEqual(['define']);
  });

  it('GIVEN tags removed WHEN put THEN the domain reports none', async () => {
    const { domains } = setup();
    await domains.put('vm1', spec);
    expect((await domains.put('vm1', { ...spec, tags: {} })).tags).toEqual({});
  });
});
