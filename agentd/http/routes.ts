import type { Agent } from '../agent.js';
import type { HealthInfo, Inventory } from '../../schemas/generated/agentApi.js';
import { inventoryTag } from './inventoryTag.js';
import { agentApi } from '../../schemas/generated/agentApiValidators.js';
import { assertName, type NameKind } from '../names.js';
import { errors } from '../errors.js';
import { AGENT_VERSION } from '../version.js';
import { consoleRoute } from './console-route.js';
import { domainSpec } from './domainRequest.js';
import { imageRoutes } from './image-routes.js';
import { adoptRoutes } from './adopt-routes.js';
import { securityGroupSpec } from './securityGroupRequest.js';
import { parseBody } from './requestBody.js';

export type { Method, Route, RouteRequest } from './route.js';
import type { Route } from './route.js';

/** How old the managed-object counts /metrics serves may be before a scrape reads the host again. */
export const MANAGED_OBJECTS_MAX_AGE_MS = 5 * 60_000;

/** Path parameters and how they are validated (kind) and named in messages (label). */
export const PARAMS: Record<string, { kind: NameKind; label: string }> = {
  pool: { kind: 'pool', label: 'pool' },
  volume: { kind: 'volume', label: 'volume' },
  snapshot: { kind: 'snapshot', label: 'snapshot' },
  trash: { kind: 'trash', label: 'trash id' },
  switch: { kind: 'switch', label: 'switch' },
  pg: { kind: 'portGroup', label: 'port group' },
  domain: { kind: 'domain', label: 'domain' },
  sg: { kind: 'securityGroup', label: 'security group' },
  store: { kind: 'volume', label: 'image store' },
  image: { kind: 'volume', label: 'image' },
};

export function validateParam(param: string, value: string): string {
  const spec = PARAMS[param];
  if (!spec) throw new Error(`route parameter :${param} has no validation rule`);
  return assertName(spec.kind, value, spec.label);
}

/** Every route of the agent API (schemas/agent-api/README.md), with per-object locks around mutations. */
export function buildRoutes(agent: Agent): Route[] {
  const locked = <T>(key: string, work: () => Promise<T>): Promise<T> => agent.locks.run(key, work);
  const ceph = () => {
    if (agent.rbdPools === undefined) {
      throw errors.conflict(
        `host ${agent.deps.config.hostName} has no Ceph cluster configured, so it cannot hold rbd pools; add "ceph" (confFile, keyringFile, user) to its agentd config, or use a dir pool`,
      );
    }
    return agent.rbdPools;
  };
  /** After a change to domains or switches: the firewall's flows follow (NICs and OpenFlow ports moved). */
  const thenFirewall = async <T>(result: T): Promise<T> => {
    await locked('firewall', () => agent.firewall.converge());
    return result;
  };
  return [
    {
      method: 'GET',
      pattern: '/v1/health',
      handle: async (): Promise<HealthInfo> => ({
        host: agent.deps.config.hostName,
        agentVersion: AGENT_VERSION,
      }),
    },
    {
      method: 'GET',
      pattern: '/v1/inventory',
      etag: (inv) => inventoryTag(inv as Inventory),
      handle: async () => agent.inventory(),
    },
    {
      method: 'GET',
      pattern: '/metrics',
      text: true,
      handle: async () => {
        // A scrape reads the host only when the managed-object counts may be out of date: scrapes
        // come every few seconds, an inventory costs tool runs (and Ceph monitor commands).
        if (agent.deps.metrics.managedObjectsStale(Date.now(), MANAGED_OBJECTS_MAX_AGE_MS))
          await agent.inventory().catch(() => undefined);
        return agent.deps.metrics.render();
      },
    },
    {
      method: 'PUT',
      pattern: '/v1/pools/:pool',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = parseBody(agentApi.PoolSpec, body);
        return locked(`pool:${p.pool}`, () => agent.pools.put(p.pool!, spec));
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/pools/:pool',
      handle: async ({ params: p }) => locked(`pool:${p.pool}`, () => agent.pools.delete(p.pool!)),
    },
    {
      method: 'PUT',
      pattern: '/v1/pools/:pool/volumes/:volume',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = parseBody(agentApi.VolumeSpec, body);
        return locked(`pool:${p.pool}`, async () =>
          (await agent.volumeStore(p.pool!)).put(p.pool!, p.volume!, spec),
        );
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/pools/:pool/volumes/:volume',
      handle: async ({ params: p }) =>
        locked(`pool:${p.pool}`, async () => (await agent.volumeStore(p.pool!)).delete(p.pool!, p.volume!)),
    },
    {
      method: 'PUT',
      pattern: '/v1/pools/:pool/volumes/:volume/snapshots/:snapshot',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = parseBody(agentApi.SnapshotSpec, body);
        return locked(`pool:${p.pool}`, async () =>
          (await agent.snapshotStore(p.pool!)).put(p.pool!, p.volume!, p.snapshot!, spec),
        );
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/pools/:pool/volumes/:volume/snapshots/:snapshot',
      handle: async ({ params: p }) =>
        locked(`pool:${p.pool}`, async () =>
          (await agent.snapshotStore(p.pool!)).delete(p.pool!, p.volume!, p.snapshot!),
        ),
    },
    {
      method: 'PUT',
      pattern: '/v1/pools/:pool/volumes/:volume/revert',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = parseBody(agentApi.RevertSpec, body);
        return locked(`pool:${p.pool}`, async () => {
          await (await agent.snapshotStore(p.pool!)).revert(p.pool!, p.volume!, spec.snapshot);
          return (await agent.volumeStore(p.pool!)).get(p.pool!, p.volume!);
        });
      },
    },
    {
      method: 'PUT',
      pattern: '/v1/pools/:pool/volumes/:volume/trash',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = parseBody(agentApi.TrashSpec, body);
        return locked(`pool:${p.pool}`, async () =>
          (await agent.trashStore(p.pool!)).put(p.pool!, p.volume!, spec),
        );
      },
    },
    { method: 'GET', pattern: '/v1/trash', handle: async () => ({ entries: await agent.trash() }) },
    {
      method: 'PUT',
      pattern: '/v1/trash/:trash/restore',
      handle: async ({ params: p }) =>
        locked(`pool:${p.trash!.split('.')[0]}`, () => agent.fromTrash(p.trash!, false)),
    },
    {
      method: 'DELETE',
      pattern: '/v1/trash/:trash',
      handle: async ({ params: p }) =>
        locked(`pool:${p.trash!.split('.')[0]}`, () => agent.fromTrash(p.trash!, true)),
    },
    {
      method: 'PUT',
      pattern: '/v1/rbd-pools/:pool',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = parseBody(agentApi.RbdPoolSpec, body);
        return locked(`rbd-pool:${p.pool}`, () => ceph().put(p.pool!, spec));
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/rbd-pools/:pool',
      handle: async ({ params: p }) => locked(`rbd-pool:${p.pool}`, () => ceph().delete(p.pool!)),
    },
    {
      method: 'PUT',
      pattern: '/v1/switches/:switch',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = parseBody(agentApi.SwitchSpec, body);
        return thenFirewall(
          await locked(`switch:${p.switch}`, () => agent.switches.putSwitch(p.switch!, spec)),
        );
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/switches/:switch',
      handle: async ({ params: p }) =>
        locked(`switch:${p.switch}`, () => agent.switches.deleteSwitch(p.switch!)),
    },
    {
      method: 'PUT',
      pattern: '/v1/switches/:switch/port-groups/:pg',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = parseBody(agentApi.PortGroupSpec, body);
        return locked(`switch:${p.switch}`, () => agent.switches.putPortGroup(p.switch!, p.pg!, spec));
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/switches/:switch/port-groups/:pg',
      handle: async ({ params: p }) =>
        locked(`switch:${p.switch}`, () => agent.switches.deletePortGroup(p.switch!, p.pg!)),
    },
    {
      method: 'PUT',
      pattern: '/v1/domains/:domain',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = domainSpec(body);
        return thenFirewall(await locked(`domain:${p.domain}`, () => agent.domains.put(p.domain!, spec)));
      },
    },
    {
      method: 'PUT',
      pattern: '/v1/domains/:domain/incoming',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const req = parseBody(agentApi.IncomingSpec, body);
        domainSpec(req.domain);
        return locked(`domain:${p.domain}`, () =>
          agent.domains.prepareIncoming(p.domain!, req.domain, req.uuid),
        );
      },
    },
    {
      method: 'POST',
      pattern: '/v1/domains/:domain/migrate',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = parseBody(agentApi.MigrateSpec, body);
        return thenFirewall(await locked(`domain:${p.domain}`, () => agent.domains.migrate(p.domain!, spec)));
      },
    },
    {
      method: 'POST',
      pattern: '/v1/domains/:domain/takeover',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const req = parseBody(agentApi.TakeoverSpec, body);
        domainSpec(req.domain);
        return thenFirewall(await locked(`domain:${p.domain}`, () => agent.takeOver(p.domain!, req)));
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/domains/:domain',
      handle: async ({ params: p }) =>
        thenFirewall(await locked(`domain:${p.domain}`, () => agent.domains.delete(p.domain!))),
    },
    {
      method: 'PUT',
      pattern: '/v1/domains/:domain/trash',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = parseBody(agentApi.TrashSpec, body);
        return thenFirewall(await locked(`domain:${p.domain}`, () => agent.domainTrash.put(p.domain!, spec)));
      },
    },
    {
      method: 'PUT',
      pattern: '/v1/security-groups/:sg',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = securityGroupSpec(body);
        return locked('firewall', () => agent.firewall.putGroup(p.sg!, spec));
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/security-groups/:sg',
      handle: async ({ params: p }) => locked('firewall', () => agent.firewall.deleteGroup(p.sg!)),
    },
    ...imageRoutes(agent, locked),
    ...adoptRoutes(agent, locked),
    consoleRoute(agent),
  ];
}
