import type { Attributes } from '../../core/values.js';
import type { Inventory } from '../../schemas/generated/agentApi.js';
import { applyDefaults } from '../../schemas/attributes.js';
import type { AgentEndpoint } from '../agent/client.js';
import { rbdPoolAttributes } from '../handlers/rbdPool.js';
import { vmAttributes } from '../handlers/vm.js';
import type { Adoption } from './adopt.js';
import { unmanagedDomainProblem, unmanagedVolumeProblem, asDomainInfo } from './unmanaged.js';

/** A host whose agent can be asked, with the cluster it belongs to. */
export interface KnownHost extends AgentEndpoint {
  cluster: string;
}

/**
 * What the hosts say about one object: only what they report (no schema defaults), so a caller
 * can lay it over configuration; `problem` says why nothing (or too much) was found.
 */
export type Lookup = { reported: Attributes; adopt?: Adoption[] } | { problem: string };

/** What the hosts reported, with schema defaults for the rest and the id: the object as a provider records it. */
export function withDefaults(type: string, reported: Attributes): Attributes {
  const attributes = applyDefaults(type, reported);
  attributes.id = attributes.name!;
  return attributes;
}

/** The VM attributes a host reports (vmAttributes keeps the rest from its prior argument). */
const VM_REPORTED = [
  'name',
  'host_id',
  'cluster_id',
  'vcpus',
  'memory_mib',
  'power_state',
  'tags',
  'uuid',
  'disk',
  'nic',
];

/** Import IDs: the object's name ("web1"), or HOST/NAME to look on one host only ("h1/web1"). */
export function parseImportId(id: string): { host?: string; name: string } {
  const i = id.indexOf('/');
  return i < 0 ? { name: id } : { host: id.slice(0, i), name: id.slice(i + 1) };
}

/**
 * The attributes of the object of this type and name, from the hosts' inventories (by host
 * name). Attributes a host cannot tell (a switch's datacenter_id) are absent: the caller takes
 * them from configuration. Schema defaults fill what a host does not report.
 */
export function lookupInInventories(
  hosts: ReadonlyMap<string, KnownHost>,
  type: string,
  name: string,
  invs: ReadonlyMap<string, Inventory>,
  hostsWord: string,
): Lookup {
  const on = (pred: (inv: Inventory) => boolean): string[] =>
    [...invs.entries()]
      .filter(([, inv]) => pred(inv))
      .map(([h]) => h)
      .sort();
  const clustersOf = (hs: string[]): string[] => [...new Set(hs.map((h) => hosts.get(h)!.cluster))].sort();
  const found = (reported: Attributes): Lookup => ({ reported });
  const one = (what: string, hs: string[]): string | undefined =>
    hs.length === 1
      ? undefined
      : hs.length === 0
        ? `no host has a ${what} "${name}"`
        : `${what}s "${name}" are on ${hs.join(', ')}: give HOST/${name}`;
  switch (type) {
    case 'nssv_datacenter':
    case 'nssv_cluster':
    case 'nssv_host_group':
    case 'nssv_scheduling_group':
      return found({ name });
    case 'nssv_host': {
      const h = hosts.get(name);
      const inv = invs.get(name);
      if (!h || !inv) return { problem: `no host "${name}" in ${hostsWord}` };
      return found({
        name,
        cluster_id: h.cluster,
        endpoint: h.endpoint,
        token: h.token,
        cpus: inv.host.cpus,
        memory_mib: inv.host.memoryMiB,
        domain_type: inv.host.domainType,
      });
    }
    case 'nssv_storage_pool': {
      const hs = on((inv) => inv.pools.some((p) => p.name === name));
      const rbd = on((inv) => inv.rbdPools.some((p) => p.name === name));
      if (hs.length === 0 && rbd.length > 0) {
        const p = invs.get(rbd[0]!)!.rbdPools.find((x) => x.name === name)!;
        const cluster_id = clustersOf(rbd)[0]!;
        return found({ name, kind: 'rbd', cluster_id, host_ids: rbd, ...rbdPoolAttributes(p) });
      }
      if (hs.length === 0) return { problem: `no host has a pool "${name}"` };
      return found({ name, kind: 'dir', cluster_id: clustersOf(hs)[0]!, host_ids: hs });
    }
    case 'nssv_image_storage': {
      const hs = on((inv) => inv.imageStores.some((x) => x.name === name));
      if (hs.length === 0) return { problem: `no host has an image storage "${name}"` };
      return found({ name, kind: 'dir', cluster_id: clustersOf(hs)[0]!, host_ids: hs });
    }
    case 'nssv_image': {
      const hs = on((inv) => inv.images.some((x) => x.name === name));
      if (hs.length === 0) return { problem: `no host has an image "${name}"` };
      const i = invs.get(hs[0]!)!.images.find((x) => x.name === name)!;
      // sha256 stays as configured: the agent's digest of a file declared without one is not the config's.
      const size_bytes = i.sizeBytes;
      return found({
        name,
        image_storage_id: i.store,
        source: i.source,
        format: i.format,
        size_bytes,
        host_ids: hs,
      });
    }
    case 'nssv_distributed_switch': {
      const hs = on((inv) => inv.switches.some((x) => x.name === name));
      const handMade = on((inv) => (inv.unmanaged?.switches ?? []).some((x) => x.name === name));
      if (hs.length + handMade.length === 0) return { problem: `no host has a bridge "${name}"` };
      const withPorts = handMade.filter((h) =>
        invs.get(h)!.unmanaged!.switches.some((x) => x.name === name && x.ports.length > 0),
      );
      if (withPorts.length > 0)
        return {
          problem: `the bridge "${name}" on ${withPorts.join(', ')} was made outside nssv and has ports; adopting ports is not supported yet (remove them with ovs-vsctl del-port first)`,
        };
      const all = [...hs, ...handMade].sort();
      const mtu =
        hs.length > 0
          ? invs.get(hs[0]!)!.switches.find((x) => x.name === name)!.mtu
          : invs.get(handMade[0]!)!.unmanaged!.switches.find((x) => x.name === name)!.mtu;
      const adopt: Adoption[] = handMade.map((host) => ({ host, kind: 'switch', name }));
      return {
        reported: { name, mtu, cluster_ids: clustersOf(all), host_ids: all },
        ...(adopt.length ? { adopt } : {}),
      };
    }
    case 'nssv_port_group': {
      const hs = on((inv) => inv.portGroups.some((x) => x.name === name));
      if (hs.length === 0) return { problem: `no host has a port group "${name}"` };
      const pg = invs.get(hs[0]!)!.portGroups.find((x) => x.name === name)!;
      return found({ name, switch_id: pg.switch, vlan_id: pg.vlanId, host_ids: hs });
    }
    case 'nssv_volume': {
      const hs = on((inv) => inv.volumes.some((x) => x.name === name));
      const handMade = on((inv) => (inv.unmanaged?.volumes ?? []).some((x) => x.name === name));
      const problem = one('volume', [...hs, ...handMade].sort());
      if (problem) return { problem };
      if (hs.length === 1) {
        const v = invs.get(hs[0]!)!.volumes.find((x) => x.name === name)!;
        return found({ name, pool_id: v.pool, host_id: hs[0]!, size_gib: v.sizeGiB, format: v.format });
      }
      const host = handMade[0]!;
      const v = invs.get(host)!.unmanaged!.volumes.find((x) => x.name === name)!;
      const why = unmanagedVolumeProblem(v);
      if (why) return { problem: why };
      return {
        reported: { name, pool_id: v.pool, host_id: host, size_gib: v.sizeGiB, format: v.format },
        adopt: [{ host, kind: 'volume', name, pool: v.pool }],
      };
    }
    case 'nssv_volume_snapshot': {
      const hs = on((inv) => inv.snapshots.some((x) => x.name === name));
      const problem = one('snapshot', hs);
      if (problem) return { problem };
      const x = invs.get(hs[0]!)!.snapshots.find((y) => y.name === name)!;
      return found({
        name,
        volume_id: x.volume,
        volume_pool_id: x.pool,
        volume_host_id: hs[0]!,
        created_at: x.createdAt,
      });
    }
    case 'nssv_vm': {
      const hs = on((inv) => inv.domains.some((x) => x.name === name));
      const handMade = on((inv) => (inv.unmanaged?.domains ?? []).some((x) => x.name === name));
      const problem = one('domain', [...hs, ...handMade].sort());
      if (problem) return { problem };
      const host = hs[0] ?? handMade[0]!;
      const u = hs.length ? undefined : invs.get(host)!.unmanaged!.domains.find((x) => x.name === name)!;
      const why = u ? unmanagedDomainProblem(u) : undefined;
      if (why) return { problem: why };
      const d = u ? asDomainInfo(u) : invs.get(host)!.domains.find((x) => x.name === name)!;
      const all = vmAttributes(
        applyDefaults(type, { name, host_id: host, cluster_id: hosts.get(host)!.cluster }),
        d,
      );
      return {
        reported: Object.fromEntries(
          VM_REPORTED.filter((k) => all[k] !== undefined).map((k) => [k, all[k]!]),
        ),
        ...(u ? { adopt: [{ host, kind: 'domain' as const, name }] } : {}),
      };
    }
    default:
      return { problem: `${type} cannot be imported` };
  }
}

/** The hosts to ask for an import ID: the one it names, or all of them; a string when the named one is unknown. */
export function hostsToAsk(
  hosts: ReadonlyMap<string, KnownHost>,
  id: string,
  hostsWord: string,
): string[] | string {
  const { host } = parseImportId(id);
  if (host === undefined) return [...hosts.keys()].sort();
  return hosts.has(host) ? [host] : `no host "${host}" in ${hostsWord}`;
}
