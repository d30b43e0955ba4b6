import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  AgentErrorBody,
  AgentErrorCode,
  DomainInfo,
  ImageInfo,
  Inventory,
  TrashEntry,
  VolumeInfo,
} from '../../../schemas/generated/agentApi.js';
import { agentApi } from '../../../schemas/generated/agentApiValidators.js';
import { ifNoneMatchNames } from '../../../agentd/http/entityTag.js';
import { inventoryTag } from '../../../agentd/http/inventoryTag.js';

export const FAKE_TOKEN = 'fake-agent-token-0123456789';

export interface Recorded {
  method: string;
  path: string;
  body: unknown;
}

/** A canned answer for one request, instead of what the fake agent would do. */
export type Override = { status: number; body: string } | undefined;

/**
 * A fake agentd on 127.0.0.1 speaking the agent API of schemas/agent-api/: it keeps an
 * inventory in memory, checks bearer tokens and request bodies with the generated validators,
 * and answers with schema-shaped messages. For unit tests of the agent client and handlers.
 */
export class FakeAgent {
  readonly requests: Recorded[] = [];
  readonly inventory: Inventory;
  /** Volumes moved to the trash (PUT …/trash), restorable by id. */
  readonly trash: TrashEntry[] = [];
  private readonly trashed = new Map<string, VolumeInfo>();
  private readonly trashedImages = new Map<string, ImageInfo>();
  override: ((method: string, path: string) => Override) | undefined;
  /** Milliseconds to sit on a request before answering it (a slow agent); the wait ends if the client hangs up. */
  delayMs: ((method: string, path: string) => number) | undefined;
  private server: Server | undefined;
  url = '';

  constructor(readonly hostName = 'h1') {
    this.inventory = {
      host: {
        name: hostName,
        agentVersion: '0.1.0',
        domainType: 'qemu',
        cpus: 4,
        memoryMiB: 8192,
        tunnelIp: null,
      },
      pools: [],
      rbdPools: [],
      volumes: [],
      snapshots: [],
      switches: [],
      portGroups: [],
      tunnels: [],
      securityGroups: [],
      firewall: { inSync: true, ports: [], flows: [] },
      imageStores: [],
      images: [],
      domains: [],
    };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  endpoint(token = FAKE_TOKEN) {
    return { host: this.hostName, endpoint: this.url, token };
  }

  /** The mutating requests (method and path), in order. */
  calls(): string[] {
    return this.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = text ? JSON.parse(text) : undefined;
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    this.requests.push({ method, path, body });
    const delay = this.delayMs?.(method, path) ?? 0;
    if (delay > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise((r) => (timer = setTimeout(r, delay))),
        new Promise((r) => res.once('close', r)),
      ]);
      clearTimeout(timer);
      if (res.destroyed) return;
    }
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const fail = (status: number, code: AgentErrorCode, message: string) =>
      send(status, { error: { code, message } } satisfies AgentErrorBody);
    const canned = this.override?.(method, path);
    if (canned) {
      res.writeHead(canned.status, { 'content-type': 'application/json' });
      res.end(canned.body);
      return;
    }
    if (req.headers.authorization !== `Bearer ${FAKE_TOKEN}`)
      return fail(401, 'unauthorized', 'missing or invalid bearer token');
    const seg = path.split('/').slice(1).map(decodeURIComponent);
    const inv = this.inventory;
    if (method === 'GET' && path === '/v1/health')
      return send(200, { host: this.hostName, agentVersion: '0.1.0' });
    if (method === 'GET' && path === '/v1/inventory') {
      // Tagged as agentd tags it: 304 to an If-None-Match that names the current tag.
      const text = JSON.stringify(inv);
      const etag = inventoryTag(inv);
      if (ifNoneMatchNames(req.headers['if-none-match'], etag)) {
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', etag });
      res.end(text);
      return;
    }
    const address = (body as { address?: string } | undefined)?.address ?? '';
    const remove = <T>(list: T[], match: (x: T) => boolean) => {
      const i = list.findIndex(match);
      if (i >= 0) list.splice(i, 1);
      return send(200, { deleted: i >= 0 });
    };
    const replace = <T>(list: T[], match: (x: T) => boolean, value: T) => {
      const i = list.findIndex(match);
      if (i >= 0) list[i] = value;
      else list.push(value);
      return send(200, value);
    };
    if (seg[1] === 'pools' && seg.length === 3) {
      const name = seg[2]!;
      if (method === 'DELETE') return remove(inv.pools, (p) => p.name === name);
      if (!agentApi.PoolSpec.is(body)) return fail(400, 'invalid_request', 'bad PoolSpec');
      const pool = { name, address, path: `/srv/${name}`, capacityBytes: 100, availableBytes: 50 };
      return replace(inv.pools, (p) => p.name === name, pool);
    }
    if (method === 'GET' && path === '/v1/trash') return send(200, { entries: this.trash });
    if (seg[1] === 'trash' && seg.length >= 3) {
      const i = this.trash.findIndex((e) => e.id === seg[2]);
      if (i < 0)
        return method === 'DELETE' ? send(200, { deleted: false }) : fail(404, 'not_found', 'no entry');
      const [e] = this.trash.splice(i, 1);
      if (method === 'DELETE') return send(200, { deleted: true });
      if (e!.image !== undefined) inv.images.push(this.trashedImages.get(e!.id)!);
      else inv.volumes.push(this.trashed.get(e!.id)!);
      return send(200, e);
    }
    if (seg[1] === 'image-stores' && seg[3] === 'images' && seg[5] === 'trash') {
      const [store, name] = [seg[2]!, seg[4]!];
      if (!agentApi.TrashSpec.is(body)) return fail(400, 'invalid_request', 'bad TrashSpec');
      const i = inv.images.findIndex((x) => x.store === store && x.name === name);
      if (i < 0) return fail(404, 'not_found', 'no image');
      const [img] = inv.images.splice(i, 1);
      const entry: TrashEntry = {
        id: `${store}.${name}-${this.trash.length + 1}`,
        store: 'dir',
        imageStore: store,
        image: name,
        address: body.address,
        deletedAt: `2026-01-01T00:00:0${this.trash.length}.000Z`,
        expiresAt: body.expiresAt,
      };
      this.trash.push(entry);
      this.trashedImages.set(entry.id, img!);
      return send(200, entry);
    }
    if (seg[1] === 'image-stores' && seg[3] === 'images' && seg.length === 5 && method === 'DELETE') {
      return remove(inv.images, (x) => x.store === seg[2] && x.name === seg[4]);
    }
    if (seg[1] === 'pools' && seg[3] === 'volumes' && seg[5] === 'trash') {
      const [pool, name] = [seg[2]!, seg[4]!];
      if (!agentApi.TrashSpec.is(body)) return fail(400, 'invalid_request', 'bad TrashSpec');
      const i = inv.volumes.findIndex((v) => v.pool === pool && v.name === name);
      if (i < 0) return fail(404, 'not_found', 'no volume');
      const [v] = inv.volumes.splice(i, 1);
      const entry = {
        id: `${pool}.${name}-${this.trash.length + 1}`,
        store: 'dir' as const,
        pool,
        volume: name,
        address: body.address,
        sizeGiB: v!.sizeGiB,
        deletedAt: `2026-01-01T00:00:0${this.trash.length}.000Z`,
        expiresAt: body.expiresAt,
      };
      this.trash.push(entry);
      this.trashed.set(entry.id, v!);
      return send(200, entry);
    }
    if (seg[1] === 'pools' && seg[3] === 'volumes' && seg[5] === 'snapshots') {
      const [pool, volume, name] = [seg[2]!, seg[4]!, seg[6]!];
      const match = (x: { pool: string; volume: string; name: string }) =>
        x.pool === pool && x.volume === volume && x.name === name;
      if (method === 'DELETE') return remove(inv.snapshots, match);
      if (!agentApi.SnapshotSpec.is(body)) return fail(400, 'invalid_request', 'bad SnapshotSpec');
      const createdAt = '2026-01-01T00:00:00.000Z';
      return replace(inv.snapshots, match, { pool, volume, name, address, createdAt });
    }
    if (seg[1] === 'pools' && seg[3] === 'volumes' && seg[5] === 'revert') {
      if (!agentApi.RevertSpec.is(body)) return fail(400, 'invalid_request', 'bad RevertSpec');
      return send(
        200,
        inv.volumes.find((v) => v.pool === seg[2] && v.name === seg[4]),
      );
    }
    if (seg[1] === 'pools' && seg[3] === 'volumes') {
      const [pool, name] = [seg[2]!, seg[4]!];
      if (method === 'DELETE') return remove(inv.volumes, (v) => v.pool === pool && v.name === name);
      if (!agentApi.VolumeSpec.is(body)) return fail(400, 'invalid_request', 'bad VolumeSpec');
      const path = `/srv/${pool}/${name}.${body.format}`;
      const volume = {
        pool,
        name,
        address,
        format: body.format,
        sizeGiB: body.sizeGiB,
        path,
        allocatedBytes: 0,
      };
      return replace(inv.volumes, (v) => v.pool === pool && v.name === name, volume);
    }
    if (seg[1] === 'switches' && seg.length === 3) {
      const name = seg[2]!;
      if (method === 'DELETE') return remove(inv.switches, (s) => s.name === name);
      if (!agentApi.SwitchSpec.is(body)) return fail(400, 'invalid_request', 'bad SwitchSpec');
      return replace(inv.switches, (s) => s.name === name, {
        name,
        address,
        mtu: body.mtu,
        transport: body.transport ?? 'vlan',
        vxlanPort: body.vxlanPort ?? 4789,
        peers: body.peers ?? [],
        uplinks: body.uplinks ?? [],
        bondMode: null,
        lacp: null,
        uplinkState: [],
        detachedNics: [],
      });
    }
    if (seg[1] === 'switches' && seg[3] === 'port-groups') {
      const [sw, name] = [seg[2]!, seg[4]!];
      const match = (p: { switch: string; name: string }) => p.switch === sw && p.name === name;
      if (method === 'DELETE') return remove(inv.portGroups, match);
      if (!agentApi.PortGroupSpec.is(body)) return fail(400, 'invalid_request', 'bad PortGroupSpec');
      return replace(inv.portGroups, match, {
        switch: sw,
        name,
        address,
        vlanId: body.vlanId,
        vni: body.vni ?? null,
        tag: body.vlanId,
      });
    }
    if (seg[1] === 'domains' && seg.length === 3) {
      const name = seg[2]!;
      if (method === 'DELETE') return remove(inv.domains, (d) => d.name === name);
      if (!agentApi.DomainSpec.is(body)) return fail(400, 'invalid_request', 'bad DomainSpec');
      const previous = inv.domains.find((d) => d.name === name);
      const domain: DomainInfo = {
        name,
        uuid: previous?.uuid ?? `uuid-${name}`,
        address,
        vcpus: body.vcpus,
        memoryMiB: body.memoryMiB,
        maxVcpus: body.maxVcpus ?? body.vcpus,
        maxMemoryMiB: body.maxMemoryMiB ?? body.memoryMiB,
        ...(body.pciDevices?.length ? { pciDevices: body.pciDevices } : {}),
        disks: body.disks.map((d, i) => {
          const v = inv.volumes.find((x) => x.pool === d.pool && x.name === d.volume)!;
          return {
            ...d,
            path: v.path,
            format: v.format,
            target: `vd${'abcdefghijklmnopqrstuvwxyz'[i]}`,
            bus: d.bus ?? 'virtio',
            bootOrder: d.bootOrder ?? null,
          };
        }),
        nics: body.nics.map((n, i) => ({
          switch: n.switch,
          portGroup: n.portGroup,
          vlanId: inv.portGroups.find((p) => p.switch === n.switch && p.name === n.portGroup)?.vlanId ?? null,
          mac: n.mac ?? `52:54:00:00:00:0${i}`,
          ip: n.ip ?? null,
          securityGroups: [...(n.securityGroups ?? [])].sort(),
        })),
        tags: body.tags ?? {},
        onCrash: body.onCrash ?? 'destroy',
        state: body.powerState === 'running' ? 'running' : 'shut off',
        powerState: body.powerState,
      };
      return replace(inv.domains, (d) => d.name === name, domain);
    }
    return fail(404, 'not_found', `no route ${method} ${JSON.stringify(path)}`);
  }
}
