import { adoptionMetadata, unmanagedInfo } from '../../../agentd/domains/adopt.js';
import { parseDomainXml } from '../../../agentd/domains/domain-parse.js';
import { PoolLayout } from '../../../agentd/storage/layout.js';

const layout = new PoolLayout('/srv/pools');
const parse = (xml: string) => parseDomainXml(xml, (p) => layout.parseVolumePath(p));

const handMade = (name: string, disk: string, extra = ''): string => `<domain type='qemu'>
  <name>${name}</name>
  <uuid>4bb111e3-003a-4597-a13c-617c7f958674</uuid>
  <memory unit='KiB'>65536</memory>
  <currentMemory unit='KiB'>65536</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='${disk}'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    ${extra}
  </devices>
</domain>`;

const NIC = `<interface type='bridge'><mac address='52:54:00:aa:bb:cc'/><source bridge='handsw'/><virtualport type='openvswitch'/></interface>`;

describe('unmanagedInfo', () => {
  it('GIVEN a domain defined by hand WHEN read THEN it is reported with its UUID, sizes and the pool volume behind its disk', () => {
    expect(unmanagedInfo(parse(handMade('hand1', '/srv/pools/local/hand1-root.qcow2')), 'shut off')).toEqual({
      name: 'hand1',
      uuid: '4bb111e3-003a-4597-a13c-617c7f958674',
      vcpus: 1,
      memoryMiB: 64,
      maxVcpus: 1,
      maxMemoryMiB: 64,
      disks: [
        {
          pool: 'local',
          volume: 'hand1-root',
          path: '/srv/pools/local/hand1-root.qcow2',
          format: 'qcow2',
          target: 'vda',
          bus: 'virtio',
          bootOrder: null,
        },
      ],
      nics: [],
      state: 'shut off',
      powerState: 'shutoff',
    });
  });

  it('GIVEN a domain nssv manages or one whose name nssv cannot use WHEN read THEN it is not reported', () => {
    const managed = handMade('vm1', '/srv/pools/local/a.qcow2').replace(
      '<devices>',
      `<metadata><nssv:resource xmlns:nssv="https://nssv.dev/xmlns/1" address="nssv_vm.vm1"/></metadata><devices>`,
    );
    expect(unmanagedInfo(parse(managed), 'running')).toBeUndefined();
    expect(unmanagedInfo(parse(handMade('Windows_2019', '/x.qcow2')), 'running')).toBeUndefined();
  });
});

describe('adoptionMetadata', () => {
  it('GIVEN a domain whose disk is a pool volume WHEN adopted THEN the metadata names its address and the volume', () => {
    expect(
      adoptionMetadata(parse(handMade('hand1', '/srv/pools/local/hand1-root.qcow2')), 'nssv_vm.hand1'),
    ).toBe(
      '<resource address="nssv_vm.hand1">\n  <disk target="vda" pool="local" volume="hand1-root"/>\n</resource>',
    );
  });

  it('GIVEN a disk outside the pools WHEN adopted THEN it is refused naming the disk and how to fix it', () => {
    expect(() =>
      adoptionMetadata(parse(handMade('hand1', '/var/lib/images/x.qcow2')), 'nssv_vm.hand1'),
    ).toThrow(
      'domain "hand1" cannot be adopted: its disk vda (/var/lib/images/x.qcow2) is not a volume of one of nssv\'s dir pools; move the image to <storage root>/<pool>/<volume>.<format>, point the domain at it, then adopt again',
    );
  });

  it('GIVEN a domain with a NIC WHEN adopted THEN it is refused', () => {
    expect(() =>
      adoptionMetadata(parse(handMade('hand1', '/srv/pools/local/hand1-root.qcow2', NIC)), 'nssv_vm.hand1'),
    ).toThrow(
      'domain "hand1" cannot be adopted: it has 1 NIC(s), and adopting NICs (which need a port group) is not supported yet; detach them (virsh detach-interface), adopt, then add nic blocks',
    );
  });
});
