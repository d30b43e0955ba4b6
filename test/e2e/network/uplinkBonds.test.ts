/**
 * Uplink bonds end to end on a two-host sandbox whose hosts each have two underlay links: the
 * vxlan switch's uplinks become an OVS bond on the underlay bridge (br-phy), first
 * active-backup and then balance-slb against the sandbox's plain Linux bridge, then balance-tcp
 * with LACP against an LACP-speaking switch (torSwitch.ts). In each mode a link is taken down
 * (`ip link set … down` on the switch side, as a pulled cable) while a TCP stream runs between
 * veth endpoints on the two hosts: the stream completes, and the longest ping outage is reported.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { jest } from '@jest/globals';
import type { Inventory } from '../../../schemas/generated/agentApi.js';
import { AgentClient } from '../../../provider/agent/client.js';
import { type SandboxHostInfo } from '../../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from '../support.js';
import {
  longestOutageMs,
  pings,
  plugEndpoint,
  tcpTransfer,
  unplugEndpoint,
  type Endpoint,
} from './endpoints.js';
import { startLacpTor, type Tor } from './torSwitch.js';

jest.setTimeout(400_000);

let env: E2eSandbox;
let tor: Tor | undefined;
const ends: Endpoint[] = [];
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
const ovSwitch = async (h: string) => (await inventory(h)).switches.find((s) => s.name === 'ov')!;
const main = () => join(env.configDir, 'main.tf');
/** The switch-side end of a host link: eth0 <-> ul-<host>, eth1 <-> ulb-<host>. */
const switchSide = (h: string, link: string) => (link === 'eth0' ? `ul-${h}` : `ulb-${h}`);
const setLink = (h: string, link: string, state: 'up' | 'down') =>
  execa('ip', ['-n', env.sandbox.underlay.netns, 'link', 'set', switchSide(h, link), state]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const MAIN = `
resource "nssv_distributed_switch" "ov" {
  name          = "ov"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_ids   = [nssv_cluster.sandbox.id]
  transport     = "vxlan"
  uplinks       = ["eth0", "eth1"]
  bond_mode     = "active-backup"
}
resource "nssv_port_group" "blue" {
  name      = "blue"
  switch_id = nssv_distributed_switch.ov.id
  vni       = 6001
}
`;

beforeAll(async () => {
  env = await startSandbox('bd', [], { hosts: 2 });
  writeFileSync(main(), MAIN);
});
afterAll(async () => {
  for (const e of ends) await unplugEndpoint(e);
  await tor?.stop();
  await env?.down();
});

/** A stream from h1 to h2 while the active link of h1 goes down: all bytes arrive. */
async function streamThroughFailure(port: number, link: string): Promise<number> {
  const [a, b] = ends as [Endpoint, Endpoint];
  const bytes = 60_000_000;
  const stream = tcpTransfer(a, b, port, bytes);
  const outage = await longestOutageMs(a, b.ip, async () => {
    await sleep(1000);
    await setLink('h1', link, 'down');
  });
  const t = await stream;
  expect(t.received).toBe(bytes);
  await setLink('h1', link, 'up');
  return outage;
}

test('GIVEN uplinks eth0 and eth1 with active-backup WHEN applied THEN br-phy carries them as one bond with the host underlay link taken in, and the plan is then empty', async () => {
  const apply = await nssv(['apply', '-auto-approve'], env.configDir);
  expect(apply.stderr).not.toMatch(/Error/);
  expect(apply.code).toBe(0);
  const sw = await ovSwitch('h1');
  expect(sw).toMatchObject({ uplinks: ['eth0', 'eth1'], bondMode: 'active-backup', lacp: null });
  expect(sw.uplinkState.filter((u) => u.active)).toHaveLength(1);
  expect(sw.uplinkState.every((u) => u.up)).toBe(true);
  expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
  const tag = async (h: string) => (await inventory(h)).portGroups.find((p) => p.name === 'blue')!.tag!;
  ends.push(await plugEndpoint(env.sandbox.name, 'bda', host('h1'), 'ov', await tag('h1'), '10.81.0.1/24'));
  ends.push(await plugEndpoint(env.sandbox.name, 'bdb', host('h2'), 'ov', await tag('h2'), '10.81.0.2/24'));
  expect(await pings(ends[0]!, '10.81.0.2')).toBe(true);
});

test('GIVEN an active-backup bond WHEN its active link goes down during a TCP stream THEN the stream completes over the other link', async () => {
  const active = (await ovSwitch('h1')).uplinkState.find((u) => u.active)!.name;
  const outage = await streamThroughFailure(5201, active);
  process.stderr.write(`active-backup failover: longest ping outage ${outage} ms\n`);
  const after = await ovSwitch('h1');
  expect(after.uplinkState.find((u) => u.active)!.name).not.toBe(active);
});

test('GIVEN balance-slb WHEN applied THEN it changes in place with both links active; WHEN either link goes down during a TCP stream THEN the stream completes', async () => {
  writeFileSync(
    main(),
    readFileSync(main(), 'utf8').replace('bond_mode     = "active-backup"', 'bond_mode     = "balance-slb"'),
  );
  const plan = await nssv(['plan'], env.configDir);
  expect(plan.stdout).toContain('~ bond_mode = "active-backup" -> "balance-slb"');
  expect(plan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
  expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
  const sw = await ovSwitch('h1');
  expect(sw).toMatchObject({ uplinks: ['eth0', 'eth1'], bondMode: 'balance-slb', lacp: null });
  // Source-MAC load balancing: every member carries traffic, none is a standby.
  expect(sw.uplinkState).toEqual([
    { name: 'eth0', up: true, active: true },
    { name: 'eth1', up: true, active: true },
  ]);
  let up = false;
  for (let i = 0; i < 20 && !up; i++) up = await pings(ends[0]!, '10.81.0.2', 1);
  expect(up).toBe(true);
  expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
  // The tunnel's flow hashes to one member; failing each in turn covers whichever carries it.
  for (const [port, link] of [
    [5203, 'eth0'],
    [5204, 'eth1'],
  ] as const) {
    const outage = await streamThroughFailure(port, link);
    process.stderr.write(`balance-slb failover (${link} down): longest ping outage ${outage} ms\n`);
    let back = false;
    for (let i = 0; i < 40 && !back; i++) {
      back = (await ovSwitch('h1')).uplinkState.every((u) => u.up);
      if (!back) await sleep(500);
    }
    expect(back).toBe(true);
  }
});

test('GIVEN an LACP switch and balance-tcp with lacp WHEN applied THEN it changes in place and negotiates; WHEN a link goes down during a TCP stream THEN the stream completes', async () => {
  tor = await startLacpTor(env.sandbox.underlay, ['h1', 'h2']);
  writeFileSync(
    main(),
    readFileSync(main(), 'utf8').replace(
      'bond_mode     = "balance-slb"',
      'bond_mode     = "balance-tcp"\n  lacp {\n    mode = "active"\n    rate = "fast"\n  }',
    ),
  );
  const plan = await nssv(['plan'], env.configDir);
  expect(plan.stdout).toContain('~ bond_mode = "balance-slb" -> "balance-tcp"');
  expect(plan.stdout).toContain('~ lacp      = [] -> [{ mode = "active", rate = "fast" }]');
  expect(plan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
  expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
  expect(await ovSwitch('h1')).toMatchObject({
    bondMode: 'balance-tcp',
    lacp: { mode: 'active', rate: 'fast' },
  });
  let up = false;
  for (let i = 0; i < 20 && !up; i++) up = await pings(ends[0]!, '10.81.0.2', 1);
  expect(up).toBe(true);
  expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
  const outage = await streamThroughFailure(5202, 'eth0');
  process.stderr.write(`LACP (balance-tcp) failover: longest ping outage ${outage} ms\n`);
});
