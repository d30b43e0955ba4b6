import type { DomainDefinition } from '../../../agentd/domains/definition.js';
import { definitionKey, hardwareKey } from '../../../agentd/domains/definition.js';
import { parseDomainXml } from '../../../agentd/domains/domain-parse.js';
import { domainXml } from '../../../agentd/domains/domain-xml.js';

const definition: DomainDefinition = {
  name: 'db-1',
  uuid: '6f1e2b53-3c1d-4a5e-9d43-0a7b3c2d1e0f',
  type: 'kvm',
  address: 'nssv_vm.db',
  vcpus: 1,
  memoryMiB: 128,
  maxVcpus: 1,
  maxMemoryMiB: 128,
  disks: [{ pool: 'p1', volume: 'root', path: '/srv/pools/p1/root.qcow2', format: 'qcow2', target: 'vda' }],
  nics: [],
  tags: { team: 'data & "ops"', env: '<prod>' },
};

describe('domain XML with tags', () => {
  it('GIVEN tags WHEN rendered THEN the exact document carries them sorted by key in nssv metadata', () => {
    expect(domainXml(definition)).toBe(`<domain type="kvm">
  <name>db-1</name>
  <uuid>6f1e2b53-3c1d-4a5e-9d43-0a7b3c2d1e0f</uuid>
  <metadata>
    <nssv:resource xmlns:nssv="https://nssv.dev/xmlns/1" address="nssv_vm.db">
      <nssv:disk target="vda" pool="p1" volume="root"/>
      <nssv:tag key="env" value="&lt;prod&gt;"/>
      <nssv:tag key="team" value="data &amp; &quot;ops&quot;"/>
    </nssv:resource>
  </metadata>
  <memory unit="KiB">131072</memory>
  <currentMemory unit="KiB">131072</currentMemory>
  <vcpu current="1">1</vcpu>
  <os>
    <type arch="x86_64">hvm</type>
    <boot dev="hd"/>
  </os>
  <features>
    <acpi/>
    <apic/>
  </features>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <disk type="file" device="disk">
      <driver name="qemu" type="qcow2"/>
      <source file="/srv/pools/p1/root.qcow2"/>
      <target dev="vda" bus="virtio"/>
    </disk>
    <serial type="pty">
      <target port="0"/>
    </serial>
    <console type="pty">
      <target type="serial" port="0"/>
    </console>
  </devices>
</domain>
`);
  });

  it('GIVEN tags with markup WHEN rendered and parsed back THEN they round-trip', () => {
    expect(parseDomainXml(domainXml(definition)).tags).toEqual({ env: '<prod>', team: 'data & "ops"' });
  });

  it('GIVEN the same tags in another order WHEN rendered THEN the bytes are the same', () => {
    const reordered = { ...definition, tags: { env: '<prod>', team: 'data & "ops"' } };
    expect(domainXml(reordered)).toBe(domainXml(definition));
  });

  it('GIVEN a tag change WHEN comparing keys THEN a redefine is needed but no power cycle', () => {
    const changed = { ...definition, tags: { team: 'web' } };
    expect(definitionKey(changed)).not.toBe(definitionKey(definition));
    expect(hardwareKey(changed)).toBe(hardwareKey(definition));
  });
});
