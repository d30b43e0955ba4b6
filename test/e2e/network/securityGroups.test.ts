/**
 * Security groups and anti-spoofing end to end on a two-host sandbox. The guests are real libvirt
 * domains defined by nssv, but without an OS to send traffic (bootable guests are another issue),
 * so a veth endpoint stands in for each NIC: same MAC, the address the plan showed, plugged into
 * the NIC's switch with libvirt's attached-mac marker, exactly where a guest's tap would be. One
 * more VM runs for real (QEMU) in the same group, to show a rule change does not touch it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Inventory } from '../../../schemas/generated/agentApi.js';
import { AgentClient } from '../../../provider/agent/client.js';
import { hostOvsOfctl, hostOvsVsctl, hostVirsh, type SandboxHostInfo } from '../../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from '../support.js';
import {
  inEndpoint,
  listen,
  pings,
  plugEndpoint,
  tcpConnects,
  unplugEndpoint,
  type Endpoint,
} from './endpoints.js';

jest.setTimeout(300_000);

let env: E2eSandbox;
const ends: Record<string, Endpoint> = {};
const listeners: { stop(): void }[] = [];
const host = (name: string): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === name)!;
const inventory = (h: string): Promise<Inventory> => {
  const x = host(h);
  return new AgentClient({
    host: x.name,
    endpoint: x.endpoint!,
    token: x.token,
    tlsDir: x.tlsDir,
  }).inventory();
};
const virsh = async (h: string, args: string[]) => (await hostVirsh(host(h), args)).stdout.trim();

const MACS = {
  srv: '52:54:00:8a:00:01',
  mem: '52:54:00:8a:00:02',
  oth: '52:54:00:8a:00:03',
  run: '52:54:00:8a:00:04',
};
const vmTf = (name: string, h: string, groups: string, power = 'shutoff') => `
resource "nssv_vm" "${name}" {
  name        = "${name}"
  cluster_id  = nssv_cluster.sandbox.id
  host_id     = "${h}"
  memory_mib  = 64
  power_state = "${power}"
  nic {
    port_group_id      = nssv_port_group.app.id
    mac                = "${MACS[name as keyof typeof MACS]}"
    security_group_ids = [${groups}]
  }
}
`;
const MAIN = `
resource "nssv_distributed_switch" "ov" {
  name          = "ov"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_ids   = [nssv_cluster.sandbox.id]
  transport     = "vxlan"
}
resource "nssv_port_group" "app" {
  name      = "app"
  switch_id = nssv_distributed_switch.ov.id
  vni       = 7001
  cidr      = "10.79.0.0/24"
  gateway   = "10.79.0.1"
}
resource "nssv_security_group" "server" {
  name          = "server"
  datacenter_id = nssv_datacenter.sandbox.id
  rule {
    direction              = "ingress"
    protocol               = "tcp"
    port_from              = 22
    peer_security_group_id = nssv_security_group.member.id
  }
  rule {
    direction = "ingress"
    protocol  = "icmp"
  }
}
resource "nssv_security_group" "member" {
  name          = "member"
  datacenter_id = nssv_datacenter.sandbox.id
}
${vmTf('srv', 'h1', 'nssv_security_group.server.id')}
${vmTf('mem', 'h2', 'nssv_security_group.member.id')}
${vmTf('oth', 'h2', '')}
${vmTf('run', 'h1', 'nssv_security_group.server.id', 'running')}
`;
const main = () => join(env.configDir, 'main.tf');

beforeAll(async () => {
  env = await startSandbox('sg', [], { hosts: 2 });
  writeFileSync(main(), MAIN);
});
afterAll(async () => {
  for (const l of listeners) l.stop();
  for (const e of Object.values(ends)) await unplugEndpoint(e);
  await env?.down();
});

test('GIVEN NICs without ip in a port group with a cidr WHEN planned THEN the plan shows the allocated addresses, and the member group lists them', async () => {
  const plan = await nssv(['plan', '--json'], env.configDir);
  expect(plan.code).toBe(0);
  const changes = JSON.parse(plan.stdout).changes as { address: string; after: Record<string, unknown> }[];
  const ip = (vm: string) =>
    (changes.find((c) => c.address === `nssv_vm.${vm}`)!.after.nic as { ip: string }[])[0]!.ip;
  // VMs in address order, lowest free first, the gateway skipped.
  expect([ip('mem'), ip('oth'), ip('run'), ip('srv')]).toEqual([
    '10.79.0.2',
    '10.79.0.3',
    '10.79.0.4',
    '10.79.0.5',
  ]);
  expect(changes.find((c) => c.address === 'nssv_security_group.server')!.after.peer_addresses).toEqual({
    member: ['10.79.0.2'],
  });
  const text = await nssv(['plan'], env.configDir);
  expect(text.stdout).toContain('+ ip                 = "10.79.0.5"');
});

test('GIVEN stand-in endpoints at the planned addresses WHEN applied THEN each host records the address and the groups, and the plan is then empty', async () => {
  const apply = await nssv(['apply', '-auto-approve'], env.configDir);
  expect(apply.stderr).not.toMatch(/Error/);
  expect(apply.code).toBe(0);
  const pg = async (h: string) => (await inventory(h)).portGroups.find((p) => p.name === 'app')!.tag!;
  const stand = async (vm: string, h: string, ip: string) => {
    ends[vm] = await plugEndpoint(
      env.sandbox.name,
      `sg${vm}`,
      host(h),
      'ov',
      await pg(h),
      `${ip}/24`,
      MACS[vm as keyof typeof MACS],
    );
  };
  await stand('srv', 'h1', '10.79.0.5');
  await stand('mem', 'h2', '10.79.0.2');
  await stand('oth', 'h2', '10.79.0.3');
  const srvNic = (await inventory('h1')).domains.find((d) => d.name === 'srv')!.nics[0]!;
  expect(srvNic).toMatchObject({ ip: '10.79.0.5', securityGroups: ['server'], mac: MACS.srv });
  // Endpoints plugged after the domains were defined: the flows do not cover them yet (drift) until an apply.
  expect((await inventory('h1')).firewall.inSync).toBe(false);
  expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
  const inv = await inventory('h1');
  expect(inv.firewall.inSync).toBe(true);
  expect(inv.firewall.ports.find((p) => p.domain === 'srv')).toMatchObject({
    port: 'sgsrv',
    ip: '10.79.0.5',
  });
  expect(
    inv.firewall.flows.filter((f) => f.owner.startsWith('nssv_security_group.server')).map((f) => f.owner),
  ).toEqual(
    expect.arrayContaining(['nssv_security_group.server rule[0]', 'nssv_security_group.server rule[1]']),
  );
  expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
});

test('GIVEN tcp/22 allowed from the member group only WHEN connecting THEN a member connects, a non-member does not, tcp/80 never; replies flow (stateful)', async () => {
  listeners.push(listen(ends.srv!, 22), listen(ends.srv!, 80));
  expect(await tcpConnects(ends.mem!, '10.79.0.5', 22)).toBe(true);
  expect(await tcpConnects(ends.oth!, '10.79.0.5', 22)).toBe(false);
  expect(await tcpConnects(ends.mem!, '10.79.0.5', 80)).toBe(false);
  expect(await tcpConnects(ends.oth!, '10.79.0.5', 80)).toBe(false);
  expect(await pings(ends.oth!, '10.79.0.5')).toBe(true);
  // Default deny inbound: the member group has no ingress rule.
  expect(await pings(ends.srv!, '10.79.0.2')).toBe(false);
  // No group: no filtering beyond anti-spoofing.
  expect(await pings(ends.srv!, '10.79.0.3')).toBe(true);
});

test('GIVEN a spoofed source IP or MAC from a port WHEN sending THEN it is dropped', async () => {
  const oth = ends.oth!;
  expect(await inEndpoint(oth, ['ip', 'addr', 'add', '10.79.0.99/24', 'dev', 'eth0'])).toBe(0);
  expect(await inEndpoint(oth, ['ping', '-c', '2', '-W', '2', '-I', '10.79.0.99', '10.79.0.5'])).not.toBe(0);
  expect(await inEndpoint(oth, ['ip', 'addr', 'del', '10.79.0.99/24', 'dev', 'eth0'])).toBe(0);
  expect(await inEndpoint(oth, ['ip', 'link', 'set', 'eth0', 'address', '52:54:00:de:ad:01'])).toBe(0);
  expect(await pings(oth, '10.79.0.5')).toBe(false);
  expect(await inEndpoint(oth, ['ip', 'link', 'set', 'eth0', 'address', MACS.oth])).toBe(0);
  expect(await pings(oth, '10.79.0.5')).toBe(true);
});

test('GIVEN the rule flipped from tcp/22 to tcp/80 WHEN applied THEN only the group changes, flows are rewritten in place and no VM is touched', async () => {
  const uuid = await virsh('h1', ['domuuid', 'srv']);
  const runId = await virsh('h1', ['domid', 'run']);
  writeFileSync(
    main(),
    readFileSync(main(), 'utf8').replace('port_from              = 22', 'port_from              = 80'),
  );
  const plan = await nssv(['plan'], env.configDir);
  expect(plan.stdout).toMatch(/~ rule = \[\{ [^\n]*port_from = 22[^\n]* -> \[\{ [^\n]*port_from = 80/);
  expect(plan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
  expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
  expect(await tcpConnects(ends.mem!, '10.79.0.5', 80)).toBe(true);
  expect(await tcpConnects(ends.mem!, '10.79.0.5', 22)).toBe(false);
  expect(await tcpConnects(ends.oth!, '10.79.0.5', 80)).toBe(false);
  expect(await virsh('h1', ['domuuid', 'srv'])).toBe(uuid);
  expect(await virsh('h1', ['domid', 'run'])).toBe(runId);
  expect(await virsh('h1', ['domstate', 'run'])).toBe('running');
  expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
});

test('GIVEN the flows of a switch deleted out of band WHEN planned THEN the groups show drift; WHEN applied THEN the filtering is back', async () => {
  await hostOvsOfctl(host('h1'), 'del-flows', 'ov', [], { reject: true });
  expect((await inventory('h1')).firewall.inSync).toBe(false);
  const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
  expect(plan.code).toBe(2);
  expect(plan.stdout).toContain('# nssv_security_group.server will be updated in-place');
  expect(plan.stdout).toContain('~ host_ids = ["h2"] -> ["h1", "h2"]');
  expect(plan.stdout).toContain('Plan: 0 to add, 2 to change, 0 to destroy.');
  expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
  expect((await inventory('h1')).firewall.inSync).toBe(true);
  expect(await tcpConnects(ends.oth!, '10.79.0.5', 80)).toBe(false);
  expect(await tcpConnects(ends.mem!, '10.79.0.5', 80)).toBe(true);
  expect(
    (
      await hostOvsVsctl(host('h1'), ['get', 'Interface', 'sgsrv', 'external_ids:attached-mac'])
    ).stdout.trim(),
  ).toBe(`"${MACS.srv}"`);
});

test('GIVEN a running guest’s port deleted with ovs-vsctl WHEN planned THEN its switch shows drift; WHEN applied THEN the same tap is back, filtered, and the guest never stopped', async () => {
  const runId = await virsh('h1', ['domid', 'run']);
  const tap = (await inventory('h1')).firewall.ports.find((p) => p.domain === 'run')!.port!;
  expect(tap).toMatch(/^vnet\d+$/);
  await hostOvsVsctl(host('h1'), ['del-port', tap]);
  expect((await inventory('h1')).switches.find((s) => s.name === 'ov')!.detachedNics).toEqual([
    { domain: 'run', mac: MACS.run, port: tap },
  ]);
  const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
  expect(plan.code).toBe(2);
  expect(plan.stdout).toContain('# nssv_distributed_switch.ov will be updated in-place');
  expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
  expect((await hostOvsVsctl(host('h1'), ['port-to-br', tap])).stdout.trim()).toBe('ov');
  expect(
    (await hostOvsVsctl(host('h1'), ['get', 'Interface', tap, 'external_ids:attached-mac'])).stdout.trim(),
  ).toBe(`"${MACS.run}"`);
  const inv = await inventory('h1');
  expect(inv.firewall.ports.find((p) => p.domain === 'run')!.port).toBe(tap);
  expect(inv.firewall.inSync).toBe(true);
  expect(await virsh('h1', ['domid', 'run'])).toBe(runId);
  expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
});
