/**
 * A real guest end to end: the sandbox guest image (scripts/build-guest-image.sh: Debian 12 with
 * cloud-init) boots under TCG from a linked clone, with a NoCloud seed carrying an SSH key, user
 * data and a fixed address from the port group. From the host's network namespace (an OVS
 * internal port in the port group's subnet) the test pings the guest, logs in over SSH with the
 * key and reads what the user data wrote. Then user data, memory (within max_memory_mib) and a
 * second NIC change in turn: each plan labels the update (reboot, live, live), the domain keeps
 * its UUID, and the next plan is empty. The guest reset in its QEMU process then runs the new user data
 * (the seed was swapped into its CD-ROM live); with cloud_init_changes = "reboot" the apply
 * restarts it; a seed deleted on the host is drift the next apply repairs. Secrets never appear
 * in plan output or any log.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import {
  hostNetnsExec,
  hostOvsVsctl,
  hostVirsh,
  sandboxDown,
  sandboxUp,
  type SandboxUpResult,
} from '../../sandbox/index.js';
import { nssv } from './support.js';

jest.setTimeout(20 * 60_000);

const GUEST_IP = '10.77.0.10';
const HOST_IP = '10.77.0.1';
/** Boot-to-reachable under TCG is ~1 min on an idle 2-core machine; several minutes under load. */
const BOOT_DEADLINE_MS = 12 * 60_000;
const MARKER = `nssv-user-data-${process.pid}`;

let sandbox: SandboxUpResult;
let root = '';
let configDir = '';
let keyDir = '';
let publicKey = '';
const outputs: string[] = [];

const h1 = () => sandbox.hosts[0]!;

async function run(args: string[]) {
  const r = await nssv(args, configDir);
  outputs.push(r.stdout, r.stderr);
  return r;
}

function config(opts: { userData: string; memory: number; nics: number; reboot?: boolean }): string {
  const nic = (i: number) =>
    i === 0
      ? `  nic {\n    port_group_id = nssv_port_group.web.id\n    ip            = "${GUEST_IP}"\n  }`
      : `  nic { port_group_id = nssv_port_group.web.id }`;
  return `
resource "nssv_distributed_switch" "lan" {
  name          = "lan"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_ids   = [nssv_cluster.sandbox.id]
}
resource "nssv_port_group" "web" {
  name        = "web"
  switch_id   = nssv_distributed_switch.lan.id
  cidr        = "10.77.0.0/24"
  gateway     = "${HOST_IP}"
  dns_servers = ["${HOST_IP}"]
  dns_domain  = "lab.test"
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
  vcpus               = 1
  memory_mib          = ${opts.memory}
  max_memory_mib      = 1024
  ssh_authorized_keys = [${JSON.stringify(publicKey)}]
  user_data           = ${JSON.stringify(opts.userData)}
${opts.reboot ? '  cloud_init_changes  = "reboot"\n' : ''}  disk { volume_id = nssv_volume.web1_root.id }
${Array.from({ length: opts.nics }, (_, i) => nic(i)).join('\n')}
}
`;
}

const userData = (word: string) =>
  `#cloud-config\nruncmd:\n  - [sh, -c, "echo ${MARKER}-${word} > /run/nssv-probe"]\n`;

async function uuid(): Promise<string> {
  return (await hostVirsh(h1(), ['domuuid', 'web1'])).stdout.trim();
}

/**
 * Probes until an answer; again `everyMs` after a miss. An SSH login costs a guest under TCG a
 * key exchange, so SSH probes wait longer between tries than pings and virsh reads (with SSH
 * probed every second, this suite took 522-556 s in two loaded CI runs, against 414 s at 3 s).
 */
async function until<T>(
  what: string,
  deadlineMs: number,
  probe: () => Promise<T | undefined>,
  everyMs = 1000,
): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what}: not within ${deadlineMs / 1000} s`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
/** Between two SSH probes: see until. */
const SSH_PROBE_EVERY_MS = 3000;

async function ssh(command: string): Promise<{ code: number; stdout: string }> {
  const r = await hostNetnsExec(
    h1(),
    [
      'ssh',
      '-i',
      join(keyDir, 'id'),
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
      `debian@${GUEST_IP}`,
      command,
    ],
    { reject: false, timeoutMs: 30_000 },
  );
  return { code: r.exitCode ?? -1, stdout: r.stdout.trim() };
}

async function expectEmptyPlan(): Promise<void> {
  const plan = await run(['plan', '-detailed-exitcode']);
  expect([plan.code, plan.stdout.trim()]).toEqual([
    0,
    'No changes. Your infrastructure matches the configuration.',
  ]);
}

/** The JSON plan's disruption label of nssv_vm.web1. */
async function planLabel(): Promise<{ action: string; disruption?: { label: string; why: string } }> {
  const plan = await run(['plan', '--json']);
  const doc = JSON.parse(plan.stdout) as {
    changes: { address: string; action: string; disruption?: { label: string; why: string } }[];
  };
  return doc.changes.find((c) => c.address === 'nssv_vm.web1')!;
}

beforeAll(async () => {
  for (const tool of ['ssh', 'ssh-keygen', 'ping', 'ip', 'ethtool']) {
    execFileSync('sh', ['-c', `command -v ${tool}`]); // fails loudly when a tool is missing
  }
  root = mkdtempSync(join(tmpdir(), 'nssv-boot-'));
  configDir = mkdtempSync(join(tmpdir(), 'nssv-boot-cfg-'));
  keyDir = mkdtempSync(join(tmpdir(), 'nssv-boot-key-'));
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'nssv-e2e', '-f', join(keyDir, 'id')]);
  publicKey = readFileSync(join(keyDir, 'id.pub'), 'utf8').trim();
  sandbox = await sandboxUp({ root, name: `boot${process.pid % 10000}`, hosts: 1, emitDir: configDir });
});

afterAll(async () => {
  if (configDir) await nssv(['destroy', '-auto-approve'], configDir);
  if (root) await sandboxDown({ root });
  for (const d of [configDir, keyDir]) if (d) rmSync(d, { recursive: true, force: true });
});

test('GIVEN a VM on a linked clone of the sandbox image with an SSH key, user data and a fixed address WHEN applied THEN the guest answers ping and SSH with the key, and the user data ran', async () => {
  writeFileSync(join(configDir, 'main.tf'), config({ userData: userData('one'), memory: 512, nics: 1 }));
  const started = Date.now();
  const apply = await run(['apply', '-auto-approve']);
  expect(apply.code).toBe(0);
  expect(apply.stdout).toContain('Apply complete! Resources: 10 added, 0 changed, 0 destroyed.');
  await expectEmptyPlan();

  // The host's side of the port group: an OVS internal port with the gateway's address.
  await hostOvsVsctl(h1(), [
    'add-port',
    'lan',
    'probe0',
    '--',
    'set',
    'interface',
    'probe0',
    'type=internal',
  ]);
  for (const argv of [
    ['ip', 'addr', 'add', `${HOST_IP}/24`, 'dev', 'probe0'],
    ['ip', 'link', 'set', 'probe0', 'up'],
    ['ethtool', '-K', 'probe0', 'tx', 'off'],
  ]) {
    expect((await hostNetnsExec(h1(), argv)).exitCode).toBe(0);
  }

  const pingMs = await until('ping', BOOT_DEADLINE_MS, async () => {
    const r = await hostNetnsExec(h1(), ['ping', '-c', '1', '-W', '2', GUEST_IP], { reject: false });
    return r.exitCode === 0 ? Date.now() - started : undefined;
  });
  const probe = await until(
    'SSH login and the user data',
    BOOT_DEADLINE_MS,
    async () => {
      const r = await ssh('cat /run/nssv-probe');
      return r.code === 0 ? r.stdout : undefined;
    },
    SSH_PROBE_EVERY_MS,
  );
  const sshMs = Date.now() - started;
  process.stderr.write(
    `guest boot: ping after ${pingMs / 1000} s, SSH + user data after ${sshMs / 1000} s\n`,
  );
  expect(probe).toBe(`${MARKER}-one`);
  // The seed's network config: the fixed address, gateway and DNS of the port group.
  expect((await ssh('ip -4 -o addr show eth0')).stdout).toContain(`inet ${GUEST_IP}/24`);
  expect((await ssh('ip route show default')).stdout).toContain(`default via ${HOST_IP} dev eth0`);
  expect((await ssh('cat /etc/resolv.conf')).stdout).toMatch(
    new RegExp(
      `nameserver ${HOST_IP}[\\s\\S]*search lab\\.test|search lab\\.test[\\s\\S]*nameserver ${HOST_IP}`,
    ),
  );

  // The serial console is logged on the host and shown by nssv console-log.
  const log = await run(['console-log', 'web1']);
  expect(log.code).toBe(0);
  expect(log.stdout).toContain('Linux version');
  expect(log.stdout).toContain('Cloud-init v.');
  expect(log.stderr).toContain(`nssv_vm.web1 on h1: ${join(h1().dir, 'agentd', 'console', 'web1.log')}`);
});

test('GIVEN the running VM WHEN user data, then memory within max_memory_mib, then a second NIC change THEN each is an in-place update with its disruption label, the UUID stays and the replan is empty', async () => {
  const before = await uuid();

  // 1. User data: the seed is rewritten with a new instance id; takes effect on the next boot.
  writeFileSync(join(configDir, 'main.tf'), config({ userData: userData('two'), memory: 512, nics: 1 }));
  const text = await run(['plan']);
  expect(text.stdout).toMatch(/\n {6}~ user_data = \(sensitive value\) -> \(sensitive value\)\n/);
  expect(text.stdout).toContain(
    '  # (disruption: reboot: user_data: the cloud-init seed is rewritten with a new instance id; takes effect on the next boot (nssv does not restart the VM))',
  );
  expect(await planLabel()).toMatchObject({ action: 'update', disruption: { label: 'reboot' } });
  const idBefore = (await hostVirsh(h1(), ['dumpxml', 'web1'])).stdout.match(/instance-id="([^"]+)"/)?.[1];
  const a1 = await run(['apply', '-auto-approve']);
  expect(a1.stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
  const idAfter = (await hostVirsh(h1(), ['dumpxml', '--inactive', 'web1'])).stdout.match(
    /instance-id="([^"]+)"/,
  )?.[1];
  expect(idAfter).toBeDefined();
  expect(idAfter).not.toBe(idBefore);
  expect((await hostVirsh(h1(), ['domstate', 'web1'])).stdout.trim()).toBe('running');
  expect(await uuid()).toBe(before);
  await expectEmptyPlan();

  // 2. Memory within the maximum: ballooned live.
  writeFileSync(join(configDir, 'main.tf'), config({ userData: userData('two'), memory: 768, nics: 1 }));
  expect(await planLabel()).toEqual(
    expect.objectContaining({
      action: 'update',
      disruption: {
        label: 'live',
        why: 'memory_mib 512 -> 768 in place (memory balloon, up to max_memory_mib 1024)',
      },
    }),
  );
  const a2 = await run(['apply', '-auto-approve']);
  expect(a2.stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
  const defined = (await hostVirsh(h1(), ['dumpxml', '--inactive', 'web1'])).stdout;
  expect(defined).toContain("<currentMemory unit='KiB'>786432</currentMemory>");
  expect(defined).toContain("<memory unit='KiB'>1048576</memory>");
  // The running guest's balloon reaches the new size (its virtio_balloon driver acts on it).
  await until('the balloon at 768 MiB', 180_000, async () => {
    const stat = (await hostVirsh(h1(), ['dommemstat', 'web1'])).stdout;
    return /^actual 786432$/m.test(stat) ? true : undefined;
  });
  expect(await uuid()).toBe(before);
  await expectEmptyPlan();

  // 3. A second NIC: hot-plugged.
  writeFileSync(join(configDir, 'main.tf'), config({ userData: userData('two'), memory: 768, nics: 2 }));
  expect(await planLabel()).toMatchObject({
    action: 'update',
    disruption: {
      label: 'live',
      why: 'NIC hot-plugged (nic: 1 -> 2); its cloud-init network config applies on the next boot',
    },
  });
  const a3 = await run(['apply', '-auto-approve']);
  expect(a3.stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
  expect((await hostVirsh(h1(), ['domiflist', 'web1'])).stdout.match(/lan/g)).toHaveLength(2);
  expect(await uuid()).toBe(before);
  // The guest saw the NIC arrive without a reboot.
  const links = await until(
    'the hot-plugged NIC in the guest',
    120_000,
    async () => {
      const r = await ssh('ls /sys/class/net');
      return r.code === 0 && r.stdout.split(/\s+/).length >= 3 ? r.stdout : undefined;
    },
    SSH_PROBE_EVERY_MS,
  );
  expect(links.split(/\s+/).sort()).toEqual(['eth0', 'eth1', 'lo']);
  await expectEmptyPlan();
});

test('GIVEN user data applied for the next boot WHEN the guest is reset (a reboot inside the same QEMU process) THEN cloud-init runs the new user data: the running guest was shown the new seed', async () => {
  // Still 'one' in /run: the apply of 'two' did not restart the guest.
  expect((await ssh('cat /run/nssv-probe')).stdout).toBe(`${MARKER}-one`);
  const before = await uuid();
  // A reset keeps the QEMU process and the files it opened: without the live media swap the
  // guest would boot from the seed it started with.
  await hostVirsh(h1(), ['reset', 'web1']);
  const probe = await until(
    'the guest back with the new user data',
    BOOT_DEADLINE_MS,
    async () => {
      const r = await ssh('cat /run/nssv-probe');
      return r.code === 0 && r.stdout !== `${MARKER}-one` ? r.stdout : undefined;
    },
    SSH_PROBE_EVERY_MS,
  );
  expect(probe).toBe(`${MARKER}-two`);
  expect(await uuid()).toBe(before);
  await expectEmptyPlan();
});

test('GIVEN cloud_init_changes = "reboot" WHEN the user data changes THEN the plan says nssv restarts the VM, the apply does, the new user data has run, and the UUID stays', async () => {
  const before = await uuid();
  writeFileSync(
    join(configDir, 'main.tf'),
    config({ userData: userData('two'), memory: 768, nics: 2, reboot: true }),
  );
  expect(await planLabel()).toMatchObject({
    action: 'update',
    disruption: { label: 'live', why: 'cloud_init_changes changes in place' },
  });
  expect((await run(['apply', '-auto-approve'])).code).toBe(0);
  await expectEmptyPlan();

  const bootId = (await ssh('cat /proc/sys/kernel/random/boot_id')).stdout;
  writeFileSync(
    join(configDir, 'main.tf'),
    config({ userData: userData('three'), memory: 768, nics: 2, reboot: true }),
  );
  expect(await planLabel()).toMatchObject({
    action: 'update',
    disruption: {
      label: 'reboot',
      why: 'user_data: the cloud-init seed is rewritten with a new instance id and nssv restarts the VM so cloud-init applies it now (cloud_init_changes = "reboot")',
    },
  });
  const apply = await run(['apply', '-auto-approve']);
  expect(apply.stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
  const probe = await until(
    'the restarted guest with the new user data',
    BOOT_DEADLINE_MS,
    async () => {
      const r = await ssh('cat /run/nssv-probe');
      return r.code === 0 && r.stdout === `${MARKER}-three` ? r.stdout : undefined;
    },
    SSH_PROBE_EVERY_MS,
  );
  expect(probe).toBe(`${MARKER}-three`);
  expect((await ssh('cat /proc/sys/kernel/random/boot_id')).stdout).not.toBe(bootId);
  expect(await uuid()).toBe(before);
  await expectEmptyPlan();
});

test('GIVEN the seed deleted, then edited on the host WHEN planned THEN cloud_init_seed shows the drift; WHEN applied THEN the seed is back and the replan is empty, the guest untouched', async () => {
  const xml = (await hostVirsh(h1(), ['dumpxml', '--inactive', 'web1'])).stdout;
  const seedPath = /<source file='([^']+\.iso)'/.exec(xml)![1]!;
  const bootId = (await ssh('cat /proc/sys/kernel/random/boot_id')).stdout;
  for (const [how, state] of [
    [() => rmSync(seedPath), 'missing'],
    [() => writeFileSync(seedPath, 'not a seed'), 'modified'],
  ] as const) {
    how();
    const plan = await run(['plan']);
    expect(plan.stdout).toMatch(new RegExp(`~ cloud_init_seed += "${state}" -> "intact"`));
    expect(await planLabel()).toMatchObject({
      action: 'update',
      disruption: {
        label: 'live',
        why: `cloud_init_seed ${state} -> intact: the seed changed out of band is written again with the same content (the running guest is not touched)`,
      },
    });
    expect((await run(['apply', '-auto-approve'])).code).toBe(0);
    expect(statSync(seedPath).size).toBeGreaterThan(1024);
    await expectEmptyPlan();
  }
  expect((await ssh('cat /proc/sys/kernel/random/boot_id')).stdout).toBe(bootId);
});

test('GIVEN everything that ran WHEN plan output and every log of the sandbox are scanned THEN neither the user data nor the SSH key appears', () => {
  const secrets = [MARKER, publicKey.split(' ')[1]!];
  const logFiles: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.log$|\.jsonl$/.test(e.name) && statSync(p).size < 64 << 20) logFiles.push(p);
    }
  };
  walk(root);
  expect(logFiles.length).toBeGreaterThan(0);
  for (const s of secrets) {
    expect(outputs.filter((o) => o.includes(s))).toEqual([]);
    expect(logFiles.filter((f) => readFileSync(f, 'utf8').includes(s))).toEqual([]);
  }
});
