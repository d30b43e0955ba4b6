/**
 * Networking with a real guest (the sandbox image: Debian 12 with cloud-init, booted under TCG)
 * on a two-host sandbox with a vxlan switch:
 * - the NIC has no `ip`: nssv allocates one at plan time, the test reads it from `nssv plan
 *   --json` and the plan text, and finds exactly that address inside the guest (SSH, `ip -4
 *   addr`), reachable from the host's namespace;
 * - MTU end to end: the guest keeps MTU 1500 and the underlay carries the VXLAN overhead, so full
 *   1500-byte frames (ping with DF) and a TCP stream cross the tunnel from an endpoint on h2;
 * - a security group allowing tcp/22 is flipped to tcp/80 and back: SSH is filtered, then
 *   allowed again, and the guest never restarted (same domain UUID and id, uptime continues).
 * One guest boots, once. The host side of the port group is an OVS internal port on h1 with the
 * gateway's address; the h2 side is a veth endpoint (endpoints.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { jest } from '@jest/globals';
import type { Inventory } from '../../../schemas/generated/agentApi.js';
import { AgentClient } from '../../../provider/agent/client.js';
import { hostNetnsExec, hostOvsVsctl, hostVirsh, type SandboxHostInfo } from '../../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from '../support.js';
import { plugEndpoint, unplugEndpoint, type Endpoint } from './endpoints.js';

jest.setTimeout(25 * 60_000);

const GATEWAY = '10.83.0.1';
const FAR_END = '10.83.0.200';
/** Boot-to-reachable under TCG is ~1 min on an idle 2-core machine; several minutes under load. */
const BOOT_DEADLINE_MS = 15 * 60_000;

let env: E2eSandbox;
let keyDir = '';
let publicKey = '';
let far: Endpoint | undefined;
/** The address the plan showed for web1's NIC. */
let planned = '';

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
const main = () => join(env.configDir, 'main.tf');
const virsh = async (args: string[]) => (await hostVirsh(host('h1'), args)).stdout.trim();

const config = () => `
resource "nssv_distributed_switch" "ov" {
  name          = "ov"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_ids   = [nssv_cluster.sandbox.id]
  transport     = "vxlan"
}
resource "nssv_port_group" "web" {
  name      = "web"
  switch_id = nssv_distributed_switch.ov.id
  vni       = 7101
  cidr      = "10.83.0.0/24"
  gateway   = "${GATEWAY}"
}
resource "nssv_security_group" "ssh" {
  name          = "ssh"
  datacenter_id = nssv_datacenter.sandbox.id
  rule {
    direction = "ingress"
    protocol  = "tcp"
    port_from = 22
    cidr      = "10.83.0.0/24"
  }
  rule {
    direction = "ingress"
    protocol  = "icmp"
  }
}
resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.sandbox.id
}
resource "nssv_volume" "web1_root" {
  name            = "web1-root"
  pool_id         = nssv_storage_pool.local.id
  size_gib        = 2
  source_image_id = nssv_image.sandbox.id
  clone_mode      = "linked"
}
resource "nssv_vm" "web1" {
  name                = "web1"
  cluster_id          = nssv_cluster.sandbox.id
  host_id             = "h1"
  vcpus               = 1
  memory_mib          = 512
  ssh_authorized_keys = [${JSON.stringify(publicKey)}]
  disk { volume_id = nssv_volume.web1_root.id }
  nic {
    port_group_id      = nssv_port_group.web.id
    security_group_ids = [nssv_security_group.ssh.id]
  }
}
`;

async function until<T>(what: string, deadlineMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what}: not within ${deadlineMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const SSH_OPTS = [
  '-o',
  'StrictHostKeyChecking=no',
  '-o',
  'UserKnownHostsFile=/dev/null',
  '-o',
  'BatchMode=yes',
  '-o',
  'ConnectTimeout=5',
  '-o',
  'LogLevel=ERROR',
];

/** SSH into the guest from h1's namespace (the gateway's side of the port group). */
async function ssh(command: string): Promise<{ code: number; stdout: string }> {
  const r = await hostNetnsExec(
    host('h1'),
    ['ssh', '-i', join(keyDir, 'id'), ...SSH_OPTS, `debian@${planned}`, command],
    { reject: false, timeoutMs: 60_000 },
  );
  return { code: r.exitCode ?? -1, stdout: r.stdout.trim() };
}

/**
 * A TCP connection from h1's namespace to the guest: "open" (accepted), "refused" (the guest
 * answered with a reset: it was reached) or "filtered" (no answer within 5 s: dropped on the way).
 */
async function tcpProbe(port: number): Promise<'open' | 'refused' | 'filtered'> {
  const r = await hostNetnsExec(host('h1'), ['nc', '-vz', '-w', '5', planned, String(port)], {
    reject: false,
    timeoutMs: 30_000,
  });
  if (r.exitCode === 0) return 'open';
  return /refused/i.test(r.stderr) ? 'refused' : 'filtered';
}

async function uptimeSeconds(): Promise<number> {
  const r = await ssh('cat /proc/uptime');
  expect(r.code).toBe(0);
  return Number(r.stdout.split(' ')[0]);
}

async function expectEmptyPlan(): Promise<void> {
  const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
  expect([plan.code, plan.stdout.trim()]).toEqual([
    0,
    'No changes. Your infrastructure matches the configuration.',
  ]);
}

beforeAll(async () => {
  for (const tool of ['ssh', 'ssh-keygen', 'ping', 'nc', 'ip', 'ethtool']) {
    execFileSync('sh', ['-c', `command -v ${tool}`]); // fails loudly when a tool is missing
  }
  keyDir = mkdtempSync(join(tmpdir(), 'nssv-gnet-key-'));
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'nssv-e2e', '-f', join(keyDir, 'id')]);
  publicKey = readFileSync(join(keyDir, 'id.pub'), 'utf8').trim();
  env = await startSandbox('gnet', [], { hosts: 2, guestImage: true });
  writeFileSync(main(), config());
});

afterAll(async () => {
  if (far) await unplugEndpoint(far);
  if (env) {
    await nssv(['destroy', '-auto-approve'], env.configDir);
    await env.down();
  }
  if (keyDir) rmSync(keyDir, { recursive: true, force: true });
});

test('GIVEN a NIC without ip in a port group with a cidr WHEN planned and applied THEN the guest has exactly the address the plan showed, and answers ping and SSH from the host', async () => {
  const json = await nssv(['plan', '--json'], env.configDir);
  expect(json.code).toBe(0);
  const changes = JSON.parse(json.stdout).changes as { address: string; after: Record<string, unknown> }[];
  planned = (changes.find((c) => c.address === 'nssv_vm.web1')!.after.nic as { ip: string }[])[0]!.ip;
  // The lowest free address of the cidr, the gateway skipped.
  expect(planned).toBe('10.83.0.2');
  const text = await nssv(['plan'], env.configDir);
  expect(text.stdout).toMatch(new RegExp(`\\+ ip += "${planned.replace(/\./g, '\\.')}"`));

  const started = Date.now();
  const apply = await nssv(['apply', '-auto-approve'], env.configDir);
  expect(apply.stderr).not.toMatch(/Error/);
  expect(apply.code).toBe(0);
  await expectEmptyPlan();
  // The host records the planned address (domain metadata), read back by inventory.
  const nic = (await inventory('h1')).domains.find((d) => d.name === 'web1')!.nics[0]!;
  expect(nic).toMatchObject({ ip: planned, securityGroups: ['ssh'] });

  // h1's side of the port group: an OVS internal port with the gateway's address.
  const tag = (await inventory('h1')).portGroups.find((p) => p.name === 'web')!.tag!;
  await hostOvsVsctl(host('h1'), [
    'add-port',
    'ov',
    'gnprobe',
    `tag=${tag}`,
    '--',
    'set',
    'interface',
    'gnprobe',
    'type=internal',
  ]);
  for (const argv of [
    ['ip', 'addr', 'add', `${GATEWAY}/24`, 'dev', 'gnprobe'],
    ['ip', 'link', 'set', 'gnprobe', 'up'],
    ['ethtool', '-K', 'gnprobe', 'tx', 'off'],
  ]) {
    expect((await hostNetnsExec(host('h1'), argv)).exitCode).toBe(0);
  }

  const sshSeconds = await until('SSH login to the guest', BOOT_DEADLINE_MS, async () =>
    (await ssh('true')).code === 0 ? (Date.now() - started) / 1000 : undefined,
  );
  process.stderr.write(`guest network: SSH at the planned address after ${sshSeconds} s\n`);
  expect((await ssh('ip -4 -o addr show eth0')).stdout).toMatch(
    new RegExp(`inet ${planned.replace(/\./g, '\\.')}/24 `),
  );
  expect((await ssh('ip route show default')).stdout).toContain(`default via ${GATEWAY} dev eth0`);
  expect(
    (await hostNetnsExec(host('h1'), ['ping', '-c', '2', '-W', '2', planned], { reject: false })).exitCode,
  ).toBe(0);
});

test('GIVEN the guest on h1 and an endpoint on h2 WHEN full-size frames and a TCP stream cross the VXLAN tunnel THEN they arrive: the guest keeps MTU 1500, the underlay carries the overhead', async () => {
  expect((await ssh('cat /sys/class/net/eth0/mtu')).stdout).toBe('1500');
  const tag = (await inventory('h2')).portGroups.find((p) => p.name === 'web')!.tag!;
  far = await plugEndpoint(env.sandbox.name, 'gnfar', host('h2'), 'ov', tag, `${FAR_END}/24`);
  // 1472 bytes of ICMP payload + 28 bytes of headers = a 1500-byte IP packet, Don't Fragment set.
  const ping = await execa(
    'ip',
    ['netns', 'exec', far.netns, 'ping', '-M', 'do', '-s', '1472', '-c', '3', '-W', '3', planned],
    { reject: false },
  );
  expect(ping.stdout).toContain('3 received');
  // TCP from the guest to h2 with full-size segments: 4 MB over SSH, counted on h2.
  const stream = await execa(
    'ip',
    [
      'netns',
      'exec',
      far.netns,
      'ssh',
      '-i',
      join(keyDir, 'id'),
      ...SSH_OPTS,
      `debian@${planned}`,
      'head -c 4000000 /dev/zero',
    ],
    { reject: false, encoding: 'buffer', timeout: 180_000 },
  );
  expect((stream.stdout as unknown as Uint8Array).length).toBe(4_000_000);
  // The underlay bridge of each host has room for a full frame plus VXLAN's 50 bytes.
  for (const h of ['h1', 'h2']) {
    const mtu = (await hostNetnsExec(host(h), ['cat', '/sys/class/net/br-phy/mtu'])).stdout.trim();
    expect(Number(mtu)).toBeGreaterThanOrEqual(1550);
  }
});

test('GIVEN a security group allowing tcp/22 WHEN the rule is flipped to tcp/80 and back THEN SSH is filtered and then allowed again, in place: same domain, guest uptime continues', async () => {
  const uuid = await virsh(['domuuid', 'web1']);
  const domid = await virsh(['domid', 'web1']);
  expect(await tcpProbe(22)).toBe('open');
  expect(await tcpProbe(80)).toBe('filtered');
  const uptimeBefore = await uptimeSeconds();

  writeFileSync(main(), config().replace('port_from = 22', 'port_from = 80'));
  const plan = await nssv(['plan'], env.configDir);
  expect(plan.stdout).toContain('# nssv_security_group.ssh will be updated in-place');
  expect(plan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
  expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
  // tcp/22 is now dropped; tcp/80 reaches the guest, which has no listener there and resets.
  expect(await tcpProbe(22)).toBe('filtered');
  expect(await tcpProbe(80)).toBe('refused');
  expect(
    (await hostNetnsExec(host('h1'), ['ping', '-c', '2', '-W', '2', planned], { reject: false })).exitCode,
  ).toBe(0);
  await expectEmptyPlan();

  writeFileSync(main(), config());
  expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
  expect(await tcpProbe(22)).toBe('open');
  expect(await tcpProbe(80)).toBe('filtered');
  const uptimeAfter = await uptimeSeconds();
  process.stderr.write(`guest network: uptime ${uptimeBefore} s before the flip, ${uptimeAfter} s after\n`);
  expect(uptimeAfter).toBeGreaterThan(uptimeBefore);
  expect(await virsh(['domuuid', 'web1'])).toBe(uuid);
  expect(await virsh(['domid', 'web1'])).toBe(domid);
  await expectEmptyPlan();
});
