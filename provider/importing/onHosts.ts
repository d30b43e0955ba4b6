import type { Inventory } from '../../schemas/generated/agentApi.js';

/** One object the agents report, with the nssv address recorded on it (empty when none). */
export interface HostObject {
  type: string;
  name: string;
  /** Hosts it is on, sorted: one for a VM or volume, each host of the clusters for a switch, port group or pool. */
  hosts: string[];
  /** The address recorded on the host(s); the first one when hosts disagree. */
  address: string;
  /** The import ID that finds exactly this object: NAME, or HOST/NAME for per-host objects. */
  id: string;
}

const PER_HOST = new Set(['nssv_vm', 'nssv_volume']);

/**
 * What the hosts run, as importable objects: domains, volumes of dir pools, dir pools, switches,
 * port groups, image storages and images (cluster-wide ones once, with every host they are on), and the domains, image
 * files in dir pools and bridges made outside nssv (with no recorded address). Sorted by type, then name.
 */
export function objectsOnHosts(invs: ReadonlyMap<string, Inventory>): HostObject[] {
  const byKey = new Map<string, HostObject>();
  const add = (type: string, name: string, host: string, address: string): void => {
    const perHost = PER_HOST.has(type);
    const key = perHost ? `${type}/${host}/${name}` : `${type}/${name}`;
    const o = byKey.get(key);
    if (o) o.hosts.push(host);
    else byKey.set(key, { type, name, hosts: [host], address, id: perHost ? `${host}/${name}` : name });
  };
  for (const [host, inv] of [...invs.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const dirPools = new Set(inv.pools.map((p) => p.name));
    for (const d of inv.domains) add('nssv_vm', d.name, host, d.address);
    for (const v of inv.volumes) if (dirPools.has(v.pool)) add('nssv_volume', v.name, host, v.address);
    for (const p of inv.pools) add('nssv_storage_pool', p.name, host, p.address);
    for (const s of inv.switches) add('nssv_distributed_switch', s.name, host, s.address);
    for (const p of inv.portGroups) add('nssv_port_group', p.name, host, p.address);
    for (const s of inv.imageStores) add('nssv_image_storage', s.name, host, s.address);
    for (const i of inv.images) add('nssv_image', i.name, host, i.address);
    for (const g of inv.securityGroups) add('nssv_security_group', g.name, host, g.address);
    // made outside nssv (no record: address '')
    for (const d of inv.unmanaged?.domains ?? []) add('nssv_vm', d.name, host, '');
    for (const v of inv.unmanaged?.volumes ?? []) add('nssv_volume', v.name, host, '');
    for (const s of inv.unmanaged?.switches ?? []) add('nssv_distributed_switch', s.name, host, '');
  }
  return [...byKey.values()].sort((a, b) =>
    a.type !== b.type ? (a.type < b.type ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/** A resource name for an object: its name in HCL identifier form, made unique with its host where needed. */
export function resourceNameFor(o: HostObject, taken: Set<string>): string {
  const base = o.name.replace(/[^a-zA-Z0-9_]/g, '_').replace(/^([^a-zA-Z_])/, '_$1');
  let name = base;
  if (taken.has(`${o.type}.${name}`)) name = `${base}_${o.hosts[0]!.replace(/[^a-zA-Z0-9_]/g, '_')}`;
  for (let i = 2; taken.has(`${o.type}.${name}`); i++) name = `${base}_${i}`;
  taken.add(`${o.type}.${name}`);
  return name;
}
