import { readOnlyRun } from '../../../agentd/util/readOnlyRun.js';

const VIRSH = ['-q', '-c', 'qemu:///system'];
const VSCTL = ['--db=unix:/run/db.sock', '--timeout=10', '--format=json', '--data=json'];
const CEPH = ['-c', '/etc/ceph/ceph.conf', '--id', 'nssv', '--keyring', '/k', '--connect-timeout', '20'];

describe('readOnlyRun', () => {
  it.each([
    ['virsh', [...VIRSH, 'list', '--all']],
    ['virsh', [...VIRSH, 'dumpxml', '--inactive', 'web1']],
    ['virsh', [...VIRSH, 'dumpxml web1; dumpxml --inactive web2']],
    [
      'ovs-vsctl',
      [...VSCTL, '--', '--columns=name', 'list', 'Bridge', '--', '--columns=_uuid', 'list', 'Port'],
    ],
    ['ovs-ofctl', ['-O', 'OpenFlow13', 'dump-flows', 'unix:/run/lan.mgmt']],
    ['qemu-img', ['info', '-U', '--output=json', '/v/a.qcow2']],
    ['ip', ['netns', 'exec', 'nssv-h1', 'ceph', ...CEPH, 'osd', 'pool', 'ls', 'detail', '--format', 'json']],
    ['ceph', [...CEPH, 'osd', 'crush', 'rule', 'dump']],
    ['ceph', [...CEPH, 'osd', 'dump', '--format', 'json']],
    ['rbd', [...CEPH, 'snap', 'ls', 'pool/image']],
  ] as const)('GIVEN %s %j THEN it reads', (file, args) => {
    expect(readOnlyRun(file, args)).toBe(true);
  });

  it.each([
    ['virsh', [...VIRSH, 'define', '/tmp/web1.xml']],
    ['virsh', [...VIRSH, 'dumpxml web1; undefine web1']],
    ['ovs-vsctl', [...VSCTL, '--', 'list', 'Bridge', '--', 'add-br', 'lan']],
    ['ovs-vsctl', ['--may-exist', 'add-br', 'lan']],
    ['ovs-ofctl', ['-O', 'OpenFlow13', 'replace-flows', 'unix:/run/lan.mgmt', '-']],
    ['qemu-img', ['create', '-f', 'qcow2', '/v/a.qcow2', '1G']],
    ['ceph', [...CEPH, 'osd', 'pool', 'create', 'p', '32', '32']],
    ['rbd', [...CEPH, 'rm', 'pool/image']],
    ['ip', ['link', 'set', 'dev', 'x', 'up']],
    ['virsh', [...VIRSH]],
    ['genisoimage', ['-o', '/v/seed.iso']],
  ] as const)('GIVEN %s %j THEN it is taken to write', (file, args) => {
    expect(readOnlyRun(file, args)).toBe(false);
  });
});
