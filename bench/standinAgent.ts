/**
 * A stand-in agent for benchmarks: agentd's own HTTP layer (authentication, routing, name
 * validation, JSON bodies) over an in-memory host, so thousands of objects cost no libvirt or
 * OVS work. Serves the agent API routes nssv uses: inventory, pools, volumes, switches, port
 * groups, domains.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { deriveMac } from '../agentd/domains/mac.js';
import { createAgentServer } from '../agentd/http/server.js';
import { inventoryTag } from '../agentd/http/inventoryTag.js';
import type { Route } from '../agentd/http/routes.js';
import { silentLogger } from '../agentd/log.js';
import { Metrics } from '../agentd/metrics.js';
import type { DomainInfo, DomainSpec, Inventory } from '../schemas/generated/agentApi.js';
import { emptyInventory } from '../test/helpers/inventory.js';

export interface StandInStats {
  /** Requests answered, by outcome. */
  requests: number;
  /** Answers with HTTP status 400 or more. */
  failed: number;
  /** 304 answers (an inventory asked with its current tag). */
  notModified: number;
  /** TCP connections accepted. */
  connections: number;
  /** When the first and the last PUT or DELETE arrived (performance.now()), for per-step timing. */
  firstWriteMs: number | undefined;
  lastWriteMs: number | undefined;
}

export interface StandIn {
  name: string;
  endpoint: string;
  token: string;
  stats: StandInStats;
  close(): Promise<void>;
}

export interface StandInOptions {
  /** Overrides agentd's server keep-alive (e.g. 5000, Node's default, to test the client against it). */
  keepAliveTimeoutMs?: number;
}

/** Counts requests, failures and write times, through the metrics hook agentd's server calls. */
class CountingMetrics extends Metrics {
  constructor(private readonly stats: StandInStats) {
    super();
  }
  override observeRequest(method: string, route: string, status: number, durationMs: number): void {
    super.observeRequest(method, route, status, durationMs);
    this.stats.requests += 1;
    if (status >= 400) this.stats.failed += 1;
    if (status === 304) this.stats.notModified += 1;
    if (method === 'PUT' || method === 'DELETE') {
      const now = performance.now();
      this.stats.firstWriteMs ??= now;
      this.stats.lastWriteMs = now;
    }
  }
}

export async function startStandIn(name: string, options: StandInOptions = {}): Promise<StandIn> {
  const stats: StandInStats = {
    requests: 0,
    failed: 0,
    notModified: 0,
    connections: 0,
    firstWriteMs: undefined,
    lastWriteMs: undefined,
  };
  const token = randomUUID().replace(/-/g, '');
  const inv: Inventory = emptyInventory(name, {
    host: {
      name,
      agentVersion: 'stand-in',
      domainType: 'qemu',
      cpus: 4096,
      memoryMiB: 64 * 1024 * 1024,
      tunnelIp: null,
    },
  });
  const upsert = <T>(list: T[], match: (x: T) => boolean, item: T): T => {
    const i = list.findIndex(match);
    if (i >= 0) list[i] = item;
    else list.push(item);
    return item;
  };
  const remove = <T>(list: T[], match: (x: T) => boolean): { deleted: boolean } => {
    const i = list.findIndex(match);
    if (i >= 0) list.splice(i, 1);
    return { deleted: i >= 0 };
  };
  type Body = Record<string, unknown>;
  const routes: Route[] = [
    { method: 'GET', pattern: '/v1/health', handle: async () => ({ host: name, agentVersion: 'stand-in' }) },
    { method: 'GET', pattern: '/v1/inventory', etag: () => inventoryTag(inv), handle: async () => inv },
    {
      method: 'PUT',
      pattern: '/v1/pools/:pool',
      hasBody: true,
      handle: async ({ params, body }) =>
        upsert(inv.pools, (p) => p.name === params.pool, {
          name: params.pool!,
          address: String((body as Body).address),
          path: `/pools/${params.pool}`,
          capacityBytes: 2 ** 50,
          availableBytes: 2 ** 49,
        }),
    },
    {
      method: 'DELETE',
      pattern: '/v1/pools/:pool',
      handle: async ({ params }) => remove(inv.pools, (p) => p.name === params.pool),
    },
    {
      method: 'PUT',
      pattern: '/v1/pools/:pool/volumes/:volume',
      hasBody: true,
      handle: async ({ params, body }) => {
        const b = body as Body;
        return upsert(inv.volumes, (v) => v.name === params.volume && v.pool === params.pool, {
          pool: params.pool!,
          name: params.volume!,
          address: String(b.address),
          format: b.format as 'qcow2',
          sizeGiB: Number(b.sizeGiB),
          path: `/pools/${params.pool}/${params.volume}`,
          allocatedBytes: 0,
        });
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/pools/:pool/volumes/:volume',
      handle: async ({ params }) =>
        remove(inv.volumes, (v) => v.name === params.volume && v.pool === params.pool),
    },
    {
      method: 'PUT',
      pattern: '/v1/switches/:switch',
      hasBody: true,
      handle: async ({ params, body }) =>
        upsert(inv.switches, (s) => s.name === params.switch, {
          name: params.switch!,
          address: String((body as Body).address),
          mtu: Number((body as Body).mtu),
          transport: 'vlan',
          vxlanPort: 4789,
          peers: [],
          uplinks: [],
          bondMode: null,
          lacp: null,
          uplinkState: [],
          detachedNics: [],
        }),
    },
    {
      method: 'DELETE',
      pattern: '/v1/switches/:switch',
      handle: async ({ params }) => remove(inv.switches, (s) => s.name === params.switch),
    },
    {
      method: 'PUT',
      pattern: '/v1/switches/:switch/port-groups/:pg',
      hasBody: true,
      handle: async ({ params, body }) =>
        upsert(inv.portGroups, (p) => p.name === params.pg && p.switch === params.switch, {
          switch: params.switch!,
          name: params.pg!,
          address: String((body as Body).address),
          vlanId: ((body as Body).vlanId as number | null) ?? null,
          vni: null,
          tag: ((body as Body).vlanId as number | null) ?? null,
        }),
    },
    {
      method: 'DELETE',
      pattern: '/v1/switches/:switch/port-groups/:pg',
      handle: async ({ params }) =>
        remove(inv.portGroups, (p) => p.name === params.pg && p.switch === params.switch),
    },
    {
      method: 'PUT',
      pattern: '/v1/domains/:domain',
      hasBody: true,
      handle: async ({ params, body }) => {
        const spec = body as DomainSpec;
        const prior = inv.domains.find((d) => d.name === params.domain);
        const d: DomainInfo = {
          name: params.domain!,
          uuid: prior?.uuid ?? randomUUID(),
          address: spec.address,
          vcpus: spec.vcpus,
          maxVcpus: spec.maxVcpus ?? spec.vcpus,
          memoryMiB: spec.memoryMiB,
          maxMemoryMiB: spec.maxMemoryMiB ?? spec.memoryMiB,
          disks: spec.disks.map((x, i) => ({
            pool: x.pool,
            volume: x.volume,
            path: `/pools/${x.pool}/${x.volume}`,
            format: 'qcow2',
            target: `vd${String.fromCharCode(97 + i)}`,
            bus: x.bus ?? 'virtio',
            bootOrder: x.bootOrder ?? null,
          })),
          nics: spec.nics.map((n, i) => ({
            switch: n.switch,
            portGroup: n.portGroup,
            vlanId: inv.portGroups.find((p) => p.name === n.portGroup)?.vlanId ?? null,
            mac: n.mac ?? deriveMac(params.domain!, i),
            ip: n.ip ?? null,
            securityGroups: [...(n.securityGroups ?? [])].sort(),
          })),
          tags: spec.tags ?? {},
          state: spec.powerState === 'running' ? 'running' : 'shut off',
          powerState: spec.powerState,
        };
        return upsert(inv.domains, (x) => x.name === d.name, d);
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/domains/:domain',
      handle: async ({ params }) => remove(inv.domains, (d) => d.name === params.domain),
    },
  ];
  const { server, close } = createAgentServer({
    routes,
    token,
    logger: silentLogger,
    metrics: new CountingMetrics(stats),
  });
  if (options.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = options.keepAliveTimeoutMs;
  server.on('connection', () => (stats.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { name, endpoint: `http://127.0.0.1:${port}`, token, stats, close };
}
