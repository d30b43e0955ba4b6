import { Domains } from '../../../agentd/domains/domains.js';
import { Virsh } from '../../../agentd/drivers/virsh.js';
import type { Switches } from '../../../agentd/network/switches.js';
import { PoolLayout } from '../../../agentd/storage/layout.js';
import type { Volumes } from '../../../agentd/storage/volumes.js';
import type { DomainSpec } from '../../../schemas/generated/agentApi.js';
import { FakeLibvirt } from './fake-libvirt.js';

const volumes = {
  get: async (pool: string, volume: string) => ({
    pool,
    name: volume,
    address: 'a',
    format: 'qcow2',
    sizeGiB: 1,
    path: `/srv/${pool}/${volume}.qcow2`,
    allocatedBytes: 0,
  }),
} as unknown as Volumes;
const switches = {
  list: async () => ({
    switches: [],
    portGroups: [{ switch: 'sw1', name: 'web', address: 'pg', vlanId: 42, vni: null, tag: 42 }],
  }),
} as unknown as Switches;

const spec = (address: string): DomainSpec => ({
  address,
  vcpus: 1,
  memoryMiB: 64,
  disks: [{ pool: 'p1', volume: 'd1' }],
  nics: [{ switch: 'sw1', portGroup: 'web' }],
  powerState: 'running',
});

describe('Domains.liveNics', () => {
  it('GIVEN running and stopped domains, one with its tap THEN its NIC is read, from one list and one batched dumpxml', async () => {
    const libvirt = new FakeLibvirt();
    const domains = new Domains(
      new Virsh(libvirt.fake.exec, 'qemu:///system'),
      volumes,
      switches,
      new PoolLayout('/srv'),
      {
        domainType: 'qemu',
        shutdownTimeoutMs: 30,
        pollIntervalMs: 5,
        flowOptions: { onUndoFailure: () => undefined },
      },
    );
    for (const name of ['web1', 'web2', 'web3']) await domains.put(name, spec(`nssv_vm.${name}`));
    libvirt.domains.get('web3')!.state = 'shut off';
    // libvirt names the tap when the guest starts: the live XML of web1 has it, web2's not yet
    const web1 = libvirt.domains.get('web1')!;
    web1.xml = web1.xml.replace(/<\/mac>|<mac [^>]*\/>/, (m) => `${m}<target dev="vnet7"/>`);
    libvirt.fake.calls.length = 0;
    const nics = await domains.liveNics();
    expect(nics).toMatchObject([{ domain: 'web1', switch: 'sw1', tag: 42, device: 'vnet7' }]);
    expect(libvirt.fake.lines().map((l) => l.split(' ').slice(4).join(' '))).toEqual([
      'list --all',
      'dumpxml web1; dumpxml web2',
    ]);
  });
});
