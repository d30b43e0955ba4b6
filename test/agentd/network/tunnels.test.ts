import type { OvsPortRow } from '../../../agentd/drivers/ovs-ports.js';
import { meshChanges, tunnelInfos, tunnelPortName } from '../../../agentd/network/tunnels.js';
import type { PortGroupInfo } from '../../../schemas/generated/agentApi.js';

const pgs: PortGroupInfo[] = [
  { switch: 'ov', name: 'blue', address: 'nssv_port_group.blue', vlanId: null, vni: 5001, tag: 1 },
  { switch: 'ov', name: 'red', address: 'nssv_port_group.red', vlanId: null, vni: 5002, tag: 2 },
];
const peers = [
  { host: 'h2', ip: '10.250.0.2' },
  { host: 'h3', ip: '10.250.0.3' },
];
const row = (name: string, peer: string, vni: number, tag: number, remote: string): OvsPortRow => ({
  name,
  bridge: 'ov',
  tag,
  protected: true,
  externalIds: { 'nssv-switch': 'ov', 'nssv-peer': peer, 'nssv-vni': String(vni) },
  ifaceExternalIds: {},
  type: 'vxlan',
  options: { remote_ip: remote, local_ip: '10.250.0.1', key: String(vni), dst_port: '4789' },
  ofport: 5,
  error: undefined,
  mtu: 1500,
});
const input = (ports: OvsPortRow[]) => ({
  bridge: 'ov',
  localIp: '10.250.0.1',
  dstPort: 4789,
  peers,
  portGroups: pgs,
  ports,
});

describe('meshChanges', () => {
  test('GIVEN no tunnels THEN one per peer and VNI, protected, tagged with the local tag', () => {
    const changes = meshChanges(input([]));
    expect(changes).toHaveLength(4);
    expect(changes).toContainEqual({
      kind: 'tunnel',
      bridge: 'ov',
      name: tunnelPortName('ov', 'h3', 5002),
      remoteIp: '10.250.0.3',
      localIp: '10.250.0.1',
      key: 5002,
      dstPort: 4789,
      tag: 2,
      externalIds: { 'nssv-switch': 'ov', 'nssv-peer': 'h3', 'nssv-vni': '5002' },
    });
  });

  test('GIVEN the whole mesh THEN nothing to do; GIVEN one tunnel gone and one to a departed host THEN exactly those are fixed', () => {
    const all = [
      row(tunnelPortName('ov', 'h2', 5001), 'h2', 5001, 1, '10.250.0.2'),
      row(tunnelPortName('ov', 'h2', 5002), 'h2', 5002, 2, '10.250.0.2'),
      row(tunnelPortName('ov', 'h3', 5001), 'h3', 5001, 1, '10.250.0.3'),
      row(tunnelPortName('ov', 'h3', 5002), 'h3', 5002, 2, '10.250.0.3'),
    ];
    expect(meshChanges(input(all))).toEqual([]);
    const stale = row(tunnelPortName('ov', 'h4', 5001), 'h4', 5001, 1, '10.250.0.4');
    const changes = meshChanges(input([...all.slice(1), stale]));
    expect(changes.map((c) => (c.kind === 'delete' ? `-${c.name}` : `+${c.name}`))).toEqual([
      `-${stale.name}`,
      `+${tunnelPortName('ov', 'h2', 5001)}`,
    ]);
  });

  test('GIVEN a tunnel whose remote moved THEN it is rewritten', () => {
    const moved = row(tunnelPortName('ov', 'h2', 5001), 'h2', 5001, 1, '10.250.0.99');
    const changes = meshChanges({ ...input([moved]), portGroups: [pgs[0]!], peers: [peers[0]!] });
    expect(changes).toEqual([expect.objectContaining({ kind: 'tunnel', remoteIp: '10.250.0.2' })]);
  });

  test('GIVEN tunnel ports THEN inventory names switch, peer and VNI, and whether they are up', () => {
    const broken = { ...row('vxa', 'h2', 5001, 1, '10.250.0.2'), error: 'could not add', ofport: -1 };
    expect(tunnelInfos([broken])).toEqual([
      { switch: 'ov', port: 'vxa', peer: 'h2', remoteIp: '10.250.0.2', vni: 5001, tag: 1, up: false },
    ]);
  });
});
