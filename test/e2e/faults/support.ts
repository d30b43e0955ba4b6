/**
 * Shared by the fault sweeps (test/e2e/faults/): a sandbox whose agents serve the test-only fault
 * switch, a ~20-step configuration, the hosts' inventories as compared before and after a
 * failure, and the orphan / duplicate check against the state file.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import type { Inventory, TestFaultInfo, TrashEntry } from '../../../schemas/generated/agentApi.js';
import { hostOvsVsctl, hostVirsh, sandboxUp, type SandboxHostInfo } from '../../../sandbox/index.js';
import { TEST_FAULTS_ENV } from '../../../agentd/testing/testFaults.js';
import { tlsFile } from '../../../core/tlsDir.js';
import { nssv, startSandbox, type E2eSandbox } from '../support.js';

/** NSSV_FAULT_SWEEP=full runs every fault point; anything else (CI) a fixed, spread-out subset. */
export const FULL_SWEEP = process.env.NSSV_FAULT_SWEEP === 'full';

/** Runs `work` with the agents it starts inheriting NSSV_AGENT_TEST_FAULTS=1, and only them. */
async function withFaultSwitch<T>(work: () => Promise<T>): Promise<T> {
  process.env[TEST_FAULTS_ENV] = '1';
  try {
    return await work();
  } finally {
    delete process.env[TEST_FAULTS_ENV];
  }
}

/** A private two-host sandbox whose agents serve PUT /v1/test/faults; down() also removes its config directory. */
export async function startFaultSandbox(prefix: string): Promise<E2eSandbox> {
  const env = await withFaultSwitch(() => startSandbox(prefix));
  const down = env.down;
  return {
    ...env,
    down: async () => {
      await down();
      rmSync(env.configDir, { recursive: true, force: true });
    },
  };
}

/** `nssv sandbox up` again: restarts the daemons that died (a killed agentd) with the switch on; sandbox.tf is kept. */
export const repairSandbox = (env: E2eSandbox) => withFaultSwitch(() => sandboxUp({ root: env.root }));

/**
 * The ~20-step configuration: data center, cluster, two hosts, two switches with three port
 * groups, a directory pool, six volumes and four VMs (two with a data disk; two running, two
 * defined but shut off, which keeps the guests' CPU and the shutdown waits of destroy down), 20 resources.
 */
export function fullConfig(): string {
  const vm = (n: number, data: boolean) => `
resource "nssv_volume" "vm${n}_root" {
  name     = "vm${n}-root"
  pool_id  = nssv_storage_pool.local.id
  size_gib = 1
}
${
  data
    ? `resource "nssv_volume" "vm${n}_data" {
  name     = "vm${n}-data"
  pool_id  = nssv_storage_pool.local.id
  size_gib = 2
}
`
    : ''
}resource "nssv_vm" "vm${n}" {
  name       = "vm${n}"
  cluster_id = nssv_cluster.sandbox.id
  memory_mib = 64
${n > 2 ? '  power_state = "shutoff"\n' : ''}  disk { volume_id = nssv_volume.vm${n}_root.id }
${data ? `  disk { volume_id = nssv_volume.vm${n}_data.id }\n` : ''}  nic { port_group_id = nssv_port_group.${n % 2 === 0 ? 'web' : 'db'}.id }
${n === 1 ? '  nic { port_group_id = nssv_port_group.store.id }\n' : ''}}
`;
  return `
resource "nssv_distributed_switch" "lan" {
  name          = "lan"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_ids   = [nssv_cluster.sandbox.id]
}
resource "nssv_distributed_switch" "back" {
  name          = "back"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_ids   = [nssv_cluster.sandbox.id]
}
resource "nssv_port_group" "web" {
  name      = "web"
  switch_id = nssv_distributed_switch.lan.id
  vlan_id   = 100
}
resource "nssv_port_group" "db" {
  name      = "db"
  switch_id = nssv_distributed_switch.lan.id
  vlan_id   = 200
}
resource "nssv_port_group" "store" {
  name      = "store"
  switch_id = nssv_distributed_switch.back.id
  vlan_id   = 300
}
resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.sandbox.id
}
${vm(1, true)}${vm(2, true)}${vm(3, false)}${vm(4, false)}`;
}

export const writeMain = (env: E2eSandbox, text: string): void =>
  writeFileSync(join(env.configDir, 'main.tf'), text);

export const hostOf = (env: E2eSandbox, name: string): SandboxHostInfo => {
  const h = env.sandbox.hosts.find((x) => x.name === name);
  if (!h) throw new Error(`test setup: no host ${name}`);
  return h;
};

/**
 * One request to a sandbox agent on a connection of its own (no keep-alive): the test's own view
 * must not depend on the client's connection reuse, which the sweeps exercise through the CLI.
 */
function agentCall<T>(h: SandboxHostInfo, method: 'GET' | 'PUT', path: string, body?: unknown): Promise<T> {
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    // The sandbox's agents serve mutual TLS under the sandbox's CA (its tlsDir).
    const tls = h.endpoint!.startsWith('https:')
      ? {
          ca: readFileSync(tlsFile(h.tlsDir!, 'caCert')),
          cert: readFileSync(tlsFile(h.tlsDir!, 'clientCert')),
          key: readFileSync(tlsFile(h.tlsDir!, 'clientKey')),
        }
      : undefined;
    const request = tls ? httpsRequest : httpRequest;
    const req = request(
      `${h.endpoint}${path}`,
      {
        method,
        agent: false,
        ...tls,
        headers: {
          authorization: `Bearer ${h.token}`,
          ...(data === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(JSON.parse(text) as T)
            : reject(new Error(`${method} ${path} on ${h.name}: HTTP ${res.statusCode} ${text}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const faultCall = (h: SandboxHostInfo, method: 'GET' | 'PUT', body?: unknown) =>
  agentCall<TestFaultInfo>(h, method, '/v1/test/faults', body);

/** Arms (n) or disarms (null) the fault of a host and restarts its count of mutating requests. */
export const armFault = (h: SandboxHostInfo, n: number | null) =>
  faultCall(h, 'PUT', { failMutatingRequest: n });
export const faultInfo = (h: SandboxHostInfo) => faultCall(h, 'GET');

export type ComparableInventory = Omit<Inventory, 'pools'> & {
  pools: Array<Omit<Inventory['pools'][number], 'capacityBytes' | 'availableBytes'>>;
};

/** Every host's inventory, without the numbers that move on their own (a pool's free space). */
export async function inventories(env: E2eSandbox): Promise<Record<string, ComparableInventory>> {
  const out: Record<string, ComparableInventory> = {};
  for (const h of env.sandbox.hosts) {
    const inv = await agentCall<Inventory>(h, 'GET', '/v1/inventory');
    out[h.name] = {
      ...inv,
      pools: inv.pools.map(({ capacityBytes: _c, availableBytes: _a, ...p }) => p),
    };
  }
  return out;
}

/** The addresses the state file holds. */
export function stateAddresses(env: E2eSandbox): Set<string> {
  const state = JSON.parse(readFileSync(join(env.configDir, 'nssv.tfstate'), 'utf8')) as {
    resources: Array<{ address: string }>;
  };
  return new Set(state.resources.map((r) => r.address));
}

/**
 * What the hosts hold that the state does not know (orphans), and objects that exist more than
 * once: a volume or VM on two hosts or twice on one, a switch, port group or pool twice on a host.
 */
export function orphansAndDuplicates(
  env: E2eSandbox,
  invs: Record<string, ComparableInventory>,
): { orphans: string[]; duplicates: string[]; objects: number } {
  const known = stateAddresses(env);
  const orphans: string[] = [];
  const seen = new Map<string, number>();
  let objects = 0;
  const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
  for (const [host, inv] of Object.entries(invs)) {
    const perHost = [
      ...inv.pools.map((o) => ({ kind: 'pool', ...o })),
      ...inv.switches.map((o) => ({ kind: 'switch', ...o })),
      ...inv.portGroups.map((o) => ({ kind: 'port group', ...o })),
    ];
    const placed = [
      ...inv.volumes.map((o) => ({ kind: 'volume', ...o })),
      ...inv.domains.map((o) => ({ kind: 'domain', ...o })),
    ];
    for (const o of [...perHost, ...placed]) {
      objects++;
      if (!known.has(o.address)) orphans.push(`${o.kind} ${o.name} (${o.address}) on ${host}`);
    }
    for (const o of perHost) count(`${o.kind} ${o.address} on ${host}`);
    for (const o of placed) count(`${o.kind} ${o.address}`);
  }
  const duplicates = [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);
  return { orphans, duplicates, objects };
}

/**
 * What the hosts' own tools show that the agents' inventories do not: libvirt domains, OVS
 * bridges (besides the sandbox's underlay bridge br-phy), files in pool directories that no
 * inventory object accounts for — e.g. an image whose record was never written — and trash
 * folders the agent does not list as kept entries (deleted volumes kept by the `delayed` policy).
 */
export async function strays(env: E2eSandbox, invs: Record<string, ComparableInventory>): Promise<string[]> {
  const out: string[] = [];
  for (const h of env.sandbox.hosts) {
    const inv = invs[h.name]!;
    const domains = (await hostVirsh(h, ['list', '--all', '--name'])).stdout.split('\n').filter(Boolean);
    for (const d of domains) if (!inv.domains.some((x) => x.name === d)) out.push(`domain ${d} on ${h.name}`);
    const bridges = (await hostOvsVsctl(h, ['list-br'])).stdout.split('\n').filter(Boolean);
    for (const b of bridges) {
      if (b !== 'br-phy' && !inv.switches.some((x) => x.name === b)) out.push(`bridge ${b} on ${h.name}`);
    }
    // The trash holds deleted volumes kept under their delete policy: each of its folders must be
    // an entry the agent lists (kept data), never something half-moved.
    const kept = new Set(
      (await agentCall<{ entries: TrashEntry[] }>(h, 'GET', '/v1/trash')).entries.map((e) => e.id),
    );
    for (const id of trashFolders(h.storageRoot)) {
      if (!kept.has(id)) out.push(`trash folder ${join(h.storageRoot, TRASH_DIR, id)} on ${h.name}`);
    }
    for (const pool of readdirSync(h.storageRoot).filter((d) => d !== TRASH_DIR)) {
      let files: string[];
      try {
        files = readdirSync(join(h.storageRoot, pool)).filter((f) => !f.startsWith('.'));
      } catch {
        continue;
      }
      for (const f of files) {
        const path = join(h.storageRoot, pool, f);
        if (!inv.volumes.some((v) => v.path === path)) out.push(`file ${path} on ${h.name}`);
      }
    }
  }
  return out;
}

const TRASH_DIR = '.trash';

/** The folders of a host's trash (one per deleted volume), none when nothing was ever deleted. */
function trashFolders(storageRoot: string): string[] {
  try {
    return readdirSync(join(storageRoot, TRASH_DIR));
  } catch {
    return [];
  }
}

/** Apply, then the next plan must say "No changes."; returns the apply's output for messages. */
export async function expectConverges(env: E2eSandbox): Promise<void> {
  const apply = await nssv(['apply', '-auto-approve'], env.configDir);
  if (apply.code !== 0) {
    const dead = env.sandbox.hosts.flatMap((h) =>
      h.pids.filter((p) => !alive(p.pid)).map((p) => `${h.name} ${p.role} (pid ${p.pid})`),
    );
    throw new Error(
      `apply did not converge (exit ${apply.code}; dead sandbox daemons: ${dead.join(', ') || 'none'}):\n${apply.stderr}`,
    );
  }
  const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
  if (plan.code !== 0) {
    throw new Error(`plan after apply is not empty (exit ${plan.code}):\n${plan.stdout}\n${plan.stderr}`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Prints a sweep's counts where the test output shows them (the acceptance asks for them). */
export function report(line: string): void {
  process.stdout.write(`[fault sweep] ${line}\n`);
}
