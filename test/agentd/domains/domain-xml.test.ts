import type { DiskDefinition, DomainDefinition } from '../../../agentd/domains/definition.js';
import { definitionKey, diskTarget, diskTargets, hardwareKey } from '../../../agentd/domains/definition.js';
import { parseDomainXml } from '../../../agentd/domains/domain-parse.js';
import { domainXml } from '../../../agentd/domains/domain-xml.js';
import { deriveMac, isUnicastMac } from '../../../agentd/domains/mac.js';

const definition: DomainDefinition = {
  name: 'web-1',
  uuid: '0b274bb8-763f-4eed-803d-c87346a90ec5',
  type: 'qemu',
  address: 'nssv_vm.web["a"]',
  vcpus: 2,
  memoryMiB: 64,
  maxVcpus: 2,
  maxMemoryMiB: 64,
  onCrash: 'destroy',
  disks: [
    {
      pool: 'p1',
      volume: 'root',
      path: '/srv/pools/p1/root.qcow2',
      format: 'qcow2',
      target: 'vda',
      bus: 'virtio',
      bootOrder: null,
    },
    {
      pool: 'p1',
      volume: 'data',
      path: '/srv/pools/p1/data.raw',
      format: 'raw',
      target: 'vdb',
      bus: 'virtio',
      bootOrder: null,
    },
  ],
  nics: [
    { switch: 'sw1', portGroup: 'web', vlanId: 42, mac: '52:54:00:aa:bb:cc', ip: null, securityGroups: [] },
    {
      switch: 'sw1',
      portGroup: 'flat',
      vlanId: null,
      mac: '52:54:00:aa:bb:cd',
      ip: null,
      securityGroups: [],
    },
  ],
};

describe('domain XML', () => {
  it('GIVEN a definition WHEN rendered THEN it carries type, uuid, KiB memory, virtio disks, OVS NICs with the VLAN tag, offload off, pty console and nssv metadata', () => {
    const xml = domainXml(definition);
    expect(xml).toContain(`<domain type="qemu">`);
    expect(xml).toContain('<uuid>0b274bb8-763f-4eed-803d-c87346a90ec5</uuid>');
    expect(xml).toContain('<memory unit="KiB">65536</memory>');
    expect(xml).toContain('<currentMemory unit="KiB">65536</currentMemory>');
    expect(xml).toContain('<vcpu current="2">2</vcpu>');
    expect(xml).toContain('<type arch="x86_64">hvm</type>');
    expect(xml).toContain('<driver name="qemu" type="qcow2"/>');
    expect(xml).toContain('<source file="/srv/pools/p1/root.qcow2"/>');
    expect(xml).toContain('<target dev="vdb" bus="virtio"/>');
    expect(xml).toContain('<source bridge="sw1"/>');
    expect(xml).toContain('<virtualport type="openvswitch"/>');
    expect(xml).toContain('<tag id="42"/>');
    expect(xml.match(/<vlan>/g)).toHaveLength(1);
    expect(xml).toContain('<host csum="off" tso4="off" tso6="off"/>');
    expect(xml).toContain('<guest csum="off" tso4="off" tso6="off"/>');
    expect(xml).toContain('<serial type="pty">');
    expect(xml).toContain(
      '<nssv:resource xmlns:nssv="https://nssv.dev/xmlns/1" address="nssv_vm.web[&quot;a&quot;]">',
    );
  });

  it('GIVEN disks on scsi and sata with boot orders WHEN rendered THEN each sits on its bus, boots in its order, and the virtio-scsi controller is there', () => {
    const [root, data] = definition.disks as [DiskDefinition, DiskDefinition];
    const d = {
      ...definition,
      disks: [
        { ...root, target: 'sda', bus: 'scsi' as const, bootOrder: 2 },
        { ...data, target: 'sdb', bus: 'sata' as const, bootOrder: 1 },
      ],
    };
    const xml = domainXml(d);
    expect(xml).toContain('<controller type="scsi" index="0" model="virtio-scsi"/>');
    expect(xml).toContain('<target dev="sda" bus="scsi"/>\n      <boot order="2"/>');
    expect(xml).toContain('<target dev="sdb" bus="sata"/>\n      <boot order="1"/>');
    expect(xml).not.toContain('<boot dev="hd"/>');
    expect(parseDomainXml(xml)).toEqual(d);
  });

  it('GIVEN no disk with a boot order WHEN rendered THEN the first disk boots (os boot dev hd) and no scsi controller', () => {
    const xml = domainXml(definition);
    expect(xml).toContain('<boot dev="hd"/>');
    expect(xml).not.toContain('<controller');
    expect(xml).not.toContain('<boot order=');
  });

  it('GIVEN rendered XML WHEN parsed back THEN the definition round-trips', () => {
    const parsed = parseDomainXml(domainXml(definition));
    expect(parsed).toEqual({ ...definition });
  });

  it('GIVEN no crash action WHEN rendered THEN a crash destroys the domain and there is no panic device', () => {
    const xml = domainXml(definition);
    expect(xml).toContain('<on_crash>destroy</on_crash>');
    expect(xml).not.toContain('<panic');
  });

  it('GIVEN an HA definition (on_crash restart) WHEN rendered THEN a crash restarts it, a pvpanic device reports guest panics, and it parses back', () => {
    const xml = domainXml({ ...definition, onCrash: 'restart' });
    expect(xml).toContain('<on_crash>restart</on_crash>');
    expect(xml).toContain('<panic model="isa"/>');
    expect(parseDomainXml(xml).onCrash).toBe('restart');
  });

  it('GIVEN only the crash action changes WHEN comparing definitions THEN a redefine is needed but no power cycle', () => {
    const ha = { ...definition, onCrash: 'restart' };
    expect(definitionKey(ha)).not.toBe(definitionKey(definition));
    expect(hardwareKey(ha)).toBe(hardwareKey(definition));
  });

  it("GIVEN libvirt's own dumpxml with single quotes, live attributes and extra devices WHEN parsed THEN our fields come back", () => {
    const xml = `<domain type='qemu' id='1'>
  <name>t1</name>
  <uuid>0b274bb8-763f-4eed-803d-c87346a90ec5</uuid>
  <metadata>
    <x:resource xmlns:x="https://nssv.dev/xmlns/1" address="nssv_vm.t1">
      <x:disk target="vda" pool="p1" volume="d1"/>
      <x:nic mac="52:54:00:11:22:33" switch="br1" port-group="web"/>
    </x:resource>
  </metadata>
  <memory unit='KiB'>98304</memory>
  <currentMemory unit='KiB'>65536</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <on_crash>coredump-restart</on_crash>
  <!-- a comment -->
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/tmp/p1/d1.qcow2' index='1'/>
      <backingStore/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>
    <interface type='bridge'>
      <mac address='52:54:00:11:22:33'/>
      <source bridge='br1'/>
      <vlan><tag id='42'/></vlan>
      <virtualport type='openvswitch'><parameters interfaceid='d40bc84b'/></virtualport>
      <target dev='vnet0'/>
    </interface>
  </devices>
</domain>`;
    expect(parseDomainXml(xml)).toEqual({
      name: 't1',
      uuid: '0b274bb8-763f-4eed-803d-c87346a90ec5',
      type: 'qemu',
      address: 'nssv_vm.t1',
      vcpus: 1,
      maxVcpus: 1,
      onCrash: 'coredump-restart',
      // libvirt's <memory> is the balloon's maximum, <currentMemory> what the guest has now.
      memoryMiB: 64,
      maxMemoryMiB: 96,
      disks: [
        {
          pool: 'p1',
          volume: 'd1',
          path: '/tmp/p1/d1.qcow2',
          format: 'qcow2',
          target: 'vda',
          bus: 'virtio',
          bootOrder: null,
        },
      ],
      nics: [
        {
          switch: 'br1',
          portGroup: 'web',
          vlanId: 42,
          mac: '52:54:00:11:22:33',
          ip: null,
          securityGroups: [],
          device: 'vnet0',
          interfaceId: 'd40bc84b',
        },
      ],
    });
  });

  it('GIVEN a domain without nssv metadata WHEN parsed THEN its address is undefined (not managed)', () => {
    const parsed = parseDomainXml(
      `<domain type='kvm'><name>other</name><uuid>u</uuid><memory>1048576</memory><vcpu>1</vcpu></domain>`,
    );
    expect(parsed.address).toBeUndefined();
    expect(parsed.memoryMiB).toBe(1024);
  });

  it('GIVEN only the address changes WHEN comparing hardware THEN no power cycle is needed; a memory change needs one', () => {
    expect(hardwareKey({ ...definition, address: 'x' } as DomainDefinition)).toBe(hardwareKey(definition));
    expect(hardwareKey({ ...definition, memoryMiB: 128 })).not.toBe(hardwareKey(definition));
  });

  it('GIVEN disk indexes WHEN naming targets THEN vda, vdb … vdz, vdaa', () => {
    expect([0, 1, 25, 26].map(diskTarget)).toEqual(['vda', 'vdb', 'vdz', 'vdaa']);
  });

  it('GIVEN disks on several buses WHEN naming targets THEN virtio counts vd*, scsi and sata share sd*', () => {
    expect(diskTargets(['virtio', 'scsi', 'virtio', 'sata', 'scsi'])).toEqual([
      'vda',
      'sda',
      'vdb',
      'sdb',
      'sdc',
    ]);
  });

  it('GIVEN a disk whose bus or boot order changes THEN the hardware key changes (the domain is redefined)', () => {
    const [root, data] = definition.disks as [DiskDefinition, DiskDefinition];
    expect(hardwareKey({ ...definition, disks: [{ ...root, bootOrder: 1 }, data] })).not.toBe(
      hardwareKey(definition),
    );
    expect(hardwareKey({ ...definition, disks: [root, { ...data, bus: 'sata', target: 'sda' }] })).not.toBe(
      hardwareKey(definition),
    );
  });
});

describe('MAC derivation', () => {
  it('GIVEN a domain name and NIC index WHEN deriving THEN the MAC is stable, in 52:54:00 and unicast', () => {
    const mac = deriveMac('web-1', 0);
    expect(mac).toBe(deriveMac('web-1', 0));
    expect(mac).toMatch(/^52:54:00(:[0-9a-f]{2}){3}$/);
    expect(isUnicastMac(mac)).toBe(true);
  });

  it('GIVEN different names or indexes WHEN deriving THEN the MACs differ', () => {
    const macs = new Set([deriveMac('web-1', 0), deriveMac('web-1', 1), deriveMac('web-2', 0)]);
    expect(macs.size).toBe(3);
  });

  it('GIVEN a multicast MAC WHEN checked THEN it is refused', () => {
    expect(isUnicastMac('01:00:5e:00:00:01')).toBe(false);
  });
});
