/**
 * A distributed switch with vxlan transport on a three-host sandbox, end to end: the mesh of
 * tunnels, traffic between veth endpoints (ports only: no guest OS is needed to prove the
 * overlay) in one VXLAN port group on different hosts, isolation of another port group, a host
 * joining and leaving the mesh in one apply, and a tunnel deleted out of band repaired.
 */
import { existsSync, renameSync, readFileSync, writeFileSync } from 'node:fs';
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
const tagOf = async (h: string, pg: string): Promise<number> =>
  (await inventory(h)).portGroups.find((p) => p.name === pg)!.tag!;
const plug = async (name: string, h: string, pg: string, cidr: string): Promise<Endpoint> => {
  const e = await plugEndpoint(env.sandbox.name, name, host(h), 'ov', await tagOf(h, pg), cidr);
  endpoints.push(e);
  return e;
};
/** The host's tunnels of switch ov as "peer/vni", sorted. */
const tunnels = async (h: string): Promise<string[]> =>
  (await inventory(h)).tunnels
    .filter((t) => t.switch === 'ov' && t.up)
    .map((t) => `${t.peer}/${t.vni}`)
    .sort();

const MAIN = `
resource "nssv_distributed_switch" "ov" {
  name          = "ov"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_ids   = [nssv_cluster.sandbox.id]
  transport     = "vxlan"
}
resource "nssv_port_group" "blue" {
  name      = "blue"
  switch_id = nssv_distributed_switch.ov.id
  vni       = 5001
}
resource "nssv_port_group" "red" {
  name      = "red"
  switch_id = nssv_distributed_switch.ov.id
  vni       = 5002
}
`;
const h3File = () => join(env.configDir, 'h3.tf');
const h3Parked = () => join(env.configDir, 'h3.tf.parked');

beforeAll(async () => {
  env = await startSandbox('vx', [], { hosts: 3 });
  // h3 runs but starts outside the configuration: it joins the cluster later.
  const tf = readFileSync(join(env.configDir, 'sandbox.tf'), 'utf8');
  const at = tf.indexOf('resource "nssv_host" "h3"');
  writeFileSync(join(env.configDir, 'sandbox.tf'), tf.slice(0, at));
  writeFileSync(h3Parked(), tf.slice(at));
  writeFileSync(join(env.configDir, 'main.tf'), MAIN);
});
afterAll(async () => {
  for (const e of endpoints) await unplugEndpoint(e);
  await env?.down();
});

test('GIVEN a vxlan switch on h1 and h2 WHEN applied THEN each host has a tunnel per peer and VNI, and the next plan is empty', async () => {
  const apply = await nssv(['apply', '-auto-approve'], env.configDir);
  expect(apply.stderr).not.toMatch(/Error/);
  expect(apply.code).toBe(0);
  expect(apply.stdout).toContain('Apply complete! Resources: 7 added, 0 changed, 0 destroyed.');
  expect(await tunnels('h1')).toEqual(['h2/5001', 'h2/5002']);
  expect(await tunnels('h2')).toEqual(['h1/5001', 'h1/5002']);
  const port = (await inventory('h1')).tunnels.find((t) => t.peer === 'h2' && t.vni === 5001)!.port;
  expect((await hostOvsVsctl(host('h1'), ['get', 'Interface', port, 'options'])).stdout.trim()).toBe(
    '{dst_port="4789", key="5001", local_ip="10.250.0.1", remote_ip="10.250.0.2"}',
  );
  expect((await hostOvsVsctl(host('h1'), ['get', 'Port', port, 'protected'])).stdout.trim()).toBe('true');
  const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
  expect(plan.stdout).toBe('No changes. Your infrastructure matches the configuration.');
  expect(plan.code).toBe(0);
});

test('GIVEN endpoints on h1 and h2 in port group blue and one on h2 in red WHEN they talk THEN blue reaches blue (ping, TCP) and red reaches nobody', async () => {
  const b1 = await plug('vxb1', 'h1', 'blue', '10.77.0.1/24');
  const b2 = await plug('vxb2', 'h2', 'blue', '10.77.0.2/24');
  const r2 = await plug('vxr2', 'h2', 'red', '10.77.0.3/24');
  expect(await pings(b1, b2.ip)).toBe(true);
  const tcp = await tcpTransfer(b1, b2, 5001, 20_000_000);
  expect(tcp.received).toBe(20_000_000);
  process.stderr.write(`vxlan h1->h2 TCP: ${(tcp.bytesPerSecond / 1e6).toFixed(1)} MB/s\n`);
  expect(await pings(r2, b1.ip)).toBe(false);
  expect(await pings(r2, b2.ip)).toBe(false);
  expect(await tcpConnects(b1, r2.ip, 22)).toBe(false);
});

test('GIVEN h3 added to the cluster WHEN applied once THEN it joins the mesh and its blue endpoint reaches h1 and h2', async () => {
  renameSync(h3Parked(), h3File());
  const plan = await nssv(['plan'], env.configDir);
  expect(plan.stdout).toContain('~ host_ids = ["h1", "h2"] -> ["h1", "h2", "h3"]');
  expect(plan.stdout).toContain('Plan: 1 to add, 3 to change, 0 to destroy.');
  const apply = await nssv(['apply', '-auto-approve'], env.configDir);
  expect(apply.stdout).toContain('Apply complete! Resources: 1 added, 3 changed, 0 destroyed.');
  expect(await tunnels('h1')).toEqual(['h2/5001', 'h2/5002', 'h3/5001', 'h3/5002']);
  expect(await tunnels('h3')).toEqual(['h1/5001', 'h1/5002', 'h2/5001', 'h2/5002']);
  const b3 = await plug('vxb3', 'h3', 'blue', '10.77.0.4/24');
  expect(await pings(b3, '10.77.0.1')).toBe(true);
  expect(await pings(b3, '10.77.0.2')).toBe(true);
  expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
});

test('GIVEN a tunnel deleted with ovs-vsctl WHEN planned THEN it is drift; WHEN applied THEN the tunnel and the traffic are back', async () => {
  const b3 = endpoints.find((e) => e.port === 'vxb3')!;
  const port = (await inventory('h1')).tunnels.find((t) => t.peer === 'h3' && t.vni === 5001)!.port;
  await hostOvsVsctl(host('h1'), ['del-port', port]);
  expect(await pings(b3, '10.77.0.1')).toBe(false);
  const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
  expect(plan.code).toBe(2);
  expect(plan.stdout).toContain('# nssv_distributed_switch.ov will be updated in-place');
  expect(plan.stdout).toContain('~ host_ids = ["h2", "h3"] -> ["h1", "h2", "h3"]');
  const apply = await nssv(['apply', '-auto-approve'], env.configDir);
  expect(apply.stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
  expect(await tunnels('h1')).toEqual(['h2/5001', 'h2/5002', 'h3/5001', 'h3/5002']);
  expect(await pings(b3, '10.77.0.1')).toBe(true);
  expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
});

test('GIVEN h3 removed from the configuration WHEN applied once THEN the mesh shrinks to h1 and h2 and h3 keeps no bridge', async () => {
  const b3 = endpoints.splice(
    endpoints.findIndex((e) => e.port === 'vxb3'),
    1,
  )[0]!;
  await unplugEndpoint(b3);
  renameSync(h3File(), h3Parked());
  const apply = await nssv(['apply', '-auto-approve'], env.configDir);
  expect(apply.stdout).toContain('Apply complete! Resources: 0 added, 3 changed, 1 destroyed.');
  expect(await tunnels('h1')).toEqual(['h2/5001', 'h2/5002']);
  expect(await tunnels('h2')).toEqual(['h1/5001', 'h1/5002']);
  expect((await hostOvsVsctl(host('h3'), ['list-br'])).stdout.trim()).toBe('br-phy');
  expect(existsSync(h3File())).toBe(false);
  expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
});

test('GIVEN a switch mtu that leaves no room for the VXLAN headers on the 1600-byte underlay WHEN applied THEN the hosts refuse it, saying the MTU needed and the largest allowed, and nothing changed', async () => {
  const mainTf = join(env.configDir, 'main.tf');
  writeFileSync(
    mainTf,
    MAIN.replace('transport     = "vxlan"', 'transport     = "vxlan"\n  mtu           = 1551'),
  );
  const apply = await nssv(['apply', '-auto-approve'], env.configDir);
  expect(apply.code).toBe(1);
  expect(apply.stderr).toContain(
    'switch "ov": VXLAN adds 50 bytes to each frame, so a switch MTU of 1551 needs an underlay MTU of at least 1601, but br-phy has 1600; raise the underlay MTU (mtu_request) or set the switch\'s mtu to at most 1550',
  );
  for (const h of ['h1', 'h2']) {
    expect((await hostOvsVsctl(host(h), ['get', 'Interface', 'ov', 'mtu_request'])).stdout.trim()).toBe(
      '1500',
    );
  }
  // The largest MTU the underlay allows is applied in place.
  writeFileSync(
    mainTf,
    MAIN.replace('transport     = "vxlan"', 'transport     = "vxlan"\n  mtu           = 1550'),
  );
  const fits = await nssv(['apply', '-auto-approve'], env.configDir);
  expect(fits.stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
  expect((await hostOvsVsctl(host('h1'), ['get', 'Interface', 'ov', 'mtu_request'])).stdout.trim()).toBe(
    '1550',
  );
  expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
});
