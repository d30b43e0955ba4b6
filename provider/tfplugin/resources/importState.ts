import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Attributes } from '../../../core/values.js';
import type { Inventory } from '../../../schemas/generated/agentApi.js';
import { applyDefaults } from '../../../schemas/attributes.js';
import { vmAttributes } from '../../handlers/vm.js';
import { catchAgent, tfErrors } from '../errors.js';
import type { Session } from '../session.js';

type Found = Attributes | string;

/** What the hosts say about an object of this type and name; a string says why nothing was found. */
function fromInventories(s: Session, type: string, name: string, invs: Map<string, Inventory>): Found {
  const on = (pred: (inv: Inventory) => boolean): string[] =>
    [...invs.entries()].filter(([, inv]) => pred(inv)).map(([h]) => h);
  const clustersOf = (hosts: string[]): string[] =>
    [...new Set(hosts.map((h) => s.hosts.get(h)!.cluster))].sort();
  switch (type) {
    case 'nssv_datacenter':
    case 'nssv_cluster':
      return { name };
    case 'nssv_host': {
      const h = s.hosts.get(name);
      const inv = invs.get(name);
      if (!h || !inv) return `no host "${name}" in the provider's hosts`;
      return {
        name,
        cluster_id: h.cluster,
        endpoint: h.endpoint,
        token: h.token,
        cpus: inv.host.cpus,
        memory_mib: inv.host.memoryMiB,
        domain_type: inv.host.domainType,
      };
    }
    case 'nssv_storage_pool': {
      const hosts = on((inv) => inv.pools.some((p) => p.name === name));
      if (hosts.length === 0) return `no host has a pool "${name}"`;
      return { name, kind: 'dir', cluster_id: clustersOf(hosts)[0]!, host_ids: hosts };
    }
    case 'nssv_distributed_switch': {
      const hosts = on((inv) => inv.switches.some((x) => x.name === name));
      if (hosts.length === 0) return `no host has a bridge "${name}"`;
      const sw = invs.get(hosts[0]!)!.switches.find((x) => x.name === name)!;
      return { name, mtu: sw.mtu, cluster_ids: clustersOf(hosts), host_ids: hosts };
    }
    case 'nssv_port_group': {
      const hosts = on((inv) => inv.portGroups.some((x) => x.name === name));
      if (hosts.length === 0) return `no host has a port group "${name}"`;
      const pg = invs.get(hosts[0]!)!.portGroups.find((x) => x.name === name)!;
      return { name, switch_id: pg.switch, vlan_id: pg.vlanId, host_ids: hosts };
    }
    case 'nssv_volume': {
      const hosts = on((inv) => inv.volumes.some((x) => x.name === name));
      if (hosts.length !== 1)
        return hosts.length === 0
          ? `no host has a volume "${name}"`
          : `volumes "${name}" are on ${hosts.join(', ')}: give HOST/${name}`;
      const v = invs.get(hosts[0]!)!.volumes.find((x) => x.name === name)!;
      return { name, pool_id: v.pool, host_id: hosts[0]!, size_gib: v.sizeGiB, format: v.format };
    }
    case 'nssv_vm': {
      const hosts = on((inv) => inv.domains.some((x) => x.name === name));
      if (hosts.length !== 1)
        return hosts.length === 0
          ? `no host has a domain "${name}"`
          : `domains "${name}" are on ${hosts.join(', ')}: give HOST/${name}`;
      const d = invs.get(hosts[0]!)!.domains.find((x) => x.name === name)!;
      return vmAttributes(
        applyDefaults(type, { name, host_id: hosts[0]!, cluster_id: s.hosts.get(hosts[0]!)!.cluster }),
        d,
      );
    }
    default:
      return `${type} cannot be imported`;
  }
}

/**
 * ImportResourceState by the object's name ("web1") or HOST/NAME ("h1/web1"): found through the
 * agents' inventories, recorded with schema defaults for what a host does not report. Attributes
 * a host cannot tell (a switch's datacenter_id) are taken from configuration by the next plan
 * without replacing the object.
 */
export async function importResource(
  s: Session,
  type: string,
  id: string,
): Promise<{ state: Attributes | null; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const [hostPart, namePart] = id.includes('/') ? id.split('/', 2) : [undefined, id];
  const hosts = hostPart ? [hostPart] : [...s.hosts.keys()].sort();
  const invs = new Map<string, Inventory>();
  for (const h of hosts) {
    if (!s.hosts.has(h))
      return {
        state: null,
        diagnostics: [tfErrors.importId(type, id, `no host "${h}" in the provider's hosts`)],
      };
    const inv = await catchAgent(`import ${type} "${id}"`, diagnostics, () => s.ctx.inventory(h));
    if (inv) invs.set(h, inv);
  }
  if (diagnostics.length > 0) return { state: null, diagnostics };
  const found = fromInventories(s, type, namePart!, invs);
  if (typeof found === 'string') return { state: null, diagnostics: [tfErrors.importId(type, id, found)] };
  const attrs = applyDefaults(type, found);
  attrs.id = attrs.name!;
  return { state: attrs, diagnostics };
}
