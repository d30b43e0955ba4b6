/**
 * A distributed switch with vlan transport on a two-host sandbox: each host's spare underlay link
 * (eth1) is the switch's uplink, a trunk carrying the port groups' 802.1Q tags to the sandbox's
 * underlay bridge (a plain switch that passes tagged frames). veth endpoints (ports only: no guest
 * OS is needed to prove the transport) in one VLAN port group on different hosts exchange ping
 * and TCP; another port group's endpoint reaches neither; without the uplink the hosts are cut off.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Inventory } from '../../../schemas/generated/agentApi.js';
import { AgentClient } from '../../../provider/agent/client.js';
import { hostOvsVsctl, type SandboxHostInfo } from '../../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from '../support.js';
import { pings, plugEndpoint, tcpConnects, tcpTransfer, unplugEndpoint, type Endpoint } from './endpoints.js';

jest.setTimeout(300_000);

let env: E2eSandbox;
const endpoints: Endpoint[] = [];
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
const plug = async (name: string, h: string, vlan: number, cidr: string): Promise<Endpoint> => {
  const e = await plugEndpoint(env.sandbox.name, name, host(h), 'vl', vlan, cidr);
  endpoints.push(e);
  return e;
};

const config = (uplinks: string) => `
resource "nssv_distributed_switch" "vl" {
  name          = "vl"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_ids   = [nssv_cluster.sandbox.id]
  uplinks       = ${uplinks}
}
resource "nssv_port_group" "blue" {
  name      = "blue"
  switch_id = nssv_distributed_switch.vl.id
  vlan_id   = 101
}
resource "nssv_port_group" "red" {
  name      = "red"
  switch_id = nssv_distributed_switch.vl.id
  vlan_id   = 102
}
`;
const main = () => join(env.configDir, 'main.tf');

beforeAll(async () => {
  env = await startSandbox('vl', [], { hosts: 2 });
  writeFileSync(main(), config('["eth1"]'));
});
afterAll(async () => {
  for (const e of endpoints) await unplugEndpoint(e);
  await env?.down();
});

test('GIVEN a vlan switch with uplink eth1 WHEN applied THEN eth1 is a port of the switch on each host, and the next plan is empty', async () => {
  const apply = await nssv(['apply', '-auto-approve'], env.configDir);
  expect(apply.stderr).not.toMatch(/Error/);
  expect(apply.code).toBe(0);
  expect(apply.stdout).toContain('Apply complete! Resources: 7 added, 0 changed, 0 destroyed.');
  for (const h of ['h1', 'h2']) {
    expect((await hostOvsVsctl(host(h), ['port-to-br', 'eth1'])).stdout.trim()).toBe('vl');
    const sw = (await inventory(h)).switches.find((s) => s.name === 'vl')!;
    expect(sw).toMatchObject({ transport: 'vlan', uplinks: ['eth1'] });
    expect(sw.uplinkState).toEqual([{ name: 'eth1', up: true, active: true }]);
  }
  expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
});

test('GIVEN endpoints on h1 and h2 in VLAN 101 and one on h2 in VLAN 102 WHEN they talk over the uplinks THEN 101 reaches 101 (ping, TCP) and 102 reaches nobody', async () => {
  const b1 = await plug('vlb1', 'h1', 101, '10.85.0.1/24');
  const b2 = await plug('vlb2', 'h2', 101, '10.85.0.2/24');
  const r2 = await plug('vlr2', 'h2', 102, '10.85.0.3/24');
  expect(await pings(b1, b2.ip)).toBe(true);
  const tcp = await tcpTransfer(b1, b2, 5301, 20_000_000);
  expect(tcp.received).toBe(20_000_000);
  process.stderr.write(`vlan h1->h2 TCP over the uplink: ${(tcp.bytesPerSecond / 1e6).toFixed(1)} MB/s\n`);
  expect(await pings(r2, b1.ip)).toBe(false);
  expect(await pings(r2, b2.ip)).toBe(false);
  expect(await tcpConnects(b1, r2.ip, 22)).toBe(false);
});

test('GIVEN the uplinks removed WHEN applied THEN eth1 leaves the switch in place and h1 no longer reaches h2', async () => {
  writeFileSync(main(), config('[]'));
  const plan = await nssv(['plan'], env.configDir);
  expect(plan.stdout).toContain('~ uplinks');
  expect(plan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
  expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
  expect((await hostOvsVsctl(host('h1'), ['port-to-br', 'eth1'], { reject: false })).stdout.trim()).toBe('');
  const [b1, b2] = endpoints as [Endpoint, Endpoint];
  expect(await pings(b1, b2.ip)).toBe(false);
  expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
});
