import { destinationXml } from '../../../agentd/domains/migration-xml.js';

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
