import { networkConfig, seedFiles } from '../../../agentd/cloudinit/seed-files.js';

const uuid = '0b274bb8-763f-4eed-803d-c87346a90ec5';
const fixed = {
  address: '10.77.0.10/24',
  gateway: '10.77.0.1',
  dnsServers: ['10.77.0.1'],
  dnsDomain: 'lab.test',
};
const dhcp = { address: null, gateway: null, dnsServers: [], dnsDomain: null };

describe('NoCloud seed files', () => {
  it('GIVEN a fixed address and a DHCP NIC WHEN rendered THEN network config v2 matches each NIC by MAC', () => {
    expect(
      networkConfig([
        { mac: '52:54:00:aa:bb:cc', config: fixed },
        { mac: '52:54:00:aa:bb:cd', config: dhcp },
      ]),
    ).toBe(`version: 2
ethernets:
  eth0:
    match:
      macaddress: 52:54:00:aa:bb:cc
    set-name: eth0
    addresses:
      - 10.77.0.10/24
    gateway4: 10.77.0.1
    nameservers:
      addresses:
        - 10.77.0.1
      search:
        - lab.test
  eth1:
    match:
      macaddress: 52:54:00:aa:bb:cd
    set-name: eth1
    dhcp4: true
`);
  });

  it('GIVEN keys and user data THEN meta-data carries the hostname and public keys, and the instance id follows the content', () => {
    const spec = {
      userData: '#cloud-config\n',
      sshAuthorizedKeys: ['ssh-ed25519 AAAA key1'],
      nics: [fixed],
      rebootOnChange: false,
    };
    const nics = [{ mac: '52:54:00:aa:bb:cc', config: fixed }];
    const a = seedFiles('web1', uuid, spec, nics);
    expect(a['meta-data']).toBe(
      `instance-id: ${a.instanceId}\nlocal-hostname: web1\npublic-keys:\n  - ssh-ed25519 AAAA key1\n`,
    );
    expect(a.instanceId).toMatch(/^nssv-0b274bb8-[0-9a-f]{16}$/);
    expect(seedFiles('web1', uuid, spec, nics).instanceId).toBe(a.instanceId);
    expect(
      seedFiles('web1', uuid, { ...spec, userData: '#cloud-config\nruncmd: []\n' }, nics).instanceId,
    ).not.toBe(a.instanceId);
    // When the change applies is not part of the seed's content.
    expect(seedFiles('web1', uuid, { ...spec, rebootOnChange: true }, nics).instanceId).toBe(a.instanceId);
    expect(seedFiles('web1', uuid, { ...spec, userData: null }, nics)['user-data']).toBe(
      '#cloud-config\n{}\n',
    );
  });
});
