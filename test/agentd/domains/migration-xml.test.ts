import { destinationXml, withFileMoved, withSeedDigest } from '../../../agentd/domains/migration-xml.js';

const xml = `<domain type='qemu'>
  <name>vm1</name>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/h1/pools/local/root.qcow2' index='2'/>
      <backingStore type='file' index='3'>
        <format type='qcow2'/>
        <source file='/h1/images/base.qcow2'/>
        <backingStore/>
      </backingStore>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='network' device='disk'>
      <source protocol='rbd' name='nssv.ceph/data'/>
      <target dev='vdb' bus='virtio'/>
    </disk>
  </devices>
</domain>
`;

describe('destinationXml', () => {
  it('GIVEN a local disk with a backing chain WHEN moved THEN its source names the new file, the chain is dropped, and the rbd disk is untouched', () => {
    expect(
      destinationXml(xml, [
        { source: '/h1/pools/local/root.qcow2', destination: '/h2/pools/local/root.qcow2' },
      ]),
    ).toBe(`<domain type='qemu'>
  <name>vm1</name>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/h2/pools/local/root.qcow2' index='2'/>
      
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='network' device='disk'>
      <source protocol='rbd' name='nssv.ceph/data'/>
      <target dev='vdb' bus='virtio'/>
    </disk>
  </devices>
</domain>
`);
  });

  it('GIVEN a disk the domain does not have WHEN moved THEN 409 naming both paths', () => {
    expect(() =>
      destinationXml(xml, [{ source: '/h1/other.qcow2', destination: '/h2/other.qcow2' }]),
    ).toThrow('the domain has no disk on /h1/other.qcow2: it cannot be copied to /h2/other.qcow2');
  });

  it('GIVEN a path with a quote WHEN moved THEN it is refused before it reaches the XML', () => {
    expect(() => destinationXml(xml, [{ source: "/h1/x'.qcow2", destination: '/h2/x.qcow2' }])).toThrow(
      'disk path "/h1/x\'.qcow2" is not a plain absolute path',
    );
  });
});

describe('withSeedDigest', () => {
  const meta = `<metadata><nssv:resource xmlns:nssv="https://nssv.dev/xmlns/1" address="nssv_vm.b"><nssv:cloud-init instance-id="nssv-d87c277d-f32f" sha256="${'0'.repeat(64)}"/></nssv:resource></metadata>`;

  it('GIVEN the destination seed digest THEN the cloud-init record names it, nothing else changes', () => {
    expect(withSeedDigest(meta, 'ab'.repeat(32))).toBe(meta.replace('0'.repeat(64), 'ab'.repeat(32)));
  });

  it('GIVEN something that is not a sha256 THEN it is refused', () => {
    expect(() => withSeedDigest(meta, "x' onload='")).toThrow('seed digest "x\' onload=\'" is not a sha256');
  });
});

describe('withFileMoved', () => {
  it("GIVEN the destination's console log THEN the serial and console <log> elements name it", () => {
    const devices = `<serial type='pty'><log file='/h2/console/b.log' append='on'/></serial><console type='pty'><log file='/h2/console/b.log' append='on'/></console>`;
    expect(withFileMoved(devices, '/h2/console/b.log', '/h1/console/b.log')).toBe(
      devices.replaceAll('/h2/console/b.log', '/h1/console/b.log'),
    );
  });

  it('GIVEN a path with quotes THEN it is refused', () => {
    expect(() => withFileMoved('', "/a'", '/b')).toThrow(`path "/a'" is not a plain absolute path`);
  });
});
