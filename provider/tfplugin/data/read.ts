import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Attributes } from '../../../core/values.js';
import { catchAgent } from '../errors.js';
import type { Session } from '../session.js';

function notFound(what: string, name: string, known: string[]): Diagnostic {
  return {
    severity: 'error',
    code: 'NSSV_DATA_NOT_FOUND',
    attribute: what === 'host_inventory' ? 'host' : 'name',
    summary: `no ${what.replace('_inventory', '')} "${name}" among the provider's hosts`,
    detail: `Known: ${known.join(', ') || 'none'}.`,
  };
}

export const notSupportedImage = (): Diagnostic => ({
  severity: 'error',
  code: 'NSSV_NOT_SUPPORTED_YET',
  summary: "data source nssv_image is not supported yet: this version's agents keep no images",
  detail:
    'The resource model has images (schemas/nssv_image.schema.json), but no agent stores them yet, so there is nothing to read. Fix: remove the data source for now.',
});

/** ReadDataSource: the provider's hosts and their agents' inventories. */
export async function readData(
  s: Session,
  type: string,
  config: Attributes,
): Promise<{ state: Attributes | null; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const hostNames = [...s.hosts.keys()].sort();
  switch (type) {
    case 'nssv_cluster': {
      const name = String(config.name);
      const hosts = s.hostsOf([name]);
      if (hosts.length === 0)
        return {
          state: null,
          diagnostics: [
            notFound('cluster', name, [...new Set([...s.hosts.values()].map((h) => h.cluster))].sort()),
          ],
        };
      return { state: { ...config, id: name, host_ids: hosts }, diagnostics };
    }
    case 'nssv_host': {
      const name = String(config.name);
      const h = s.hosts.get(name);
      if (!h) return { state: null, diagnostics: [notFound('host', name, hostNames)] };
      const inv = await catchAgent(`data nssv_host "${name}"`, diagnostics, () => s.ctx.inventory(name));
      if (!inv) return { state: null, diagnostics };
      return {
        state: {
          name,
          id: name,
          cluster_id: h.cluster,
          endpoint: h.endpoint,
          maintenance: false,
          labels: {},
          cpus: inv.host.cpus,
          memory_mib: inv.host.memoryMiB,
          domain_type: inv.host.domainType,
        },
        diagnostics,
      };
    }
    case 'nssv_host_inventory': {
      const name = String(config.host);
      if (!s.hosts.has(name))
        return { state: null, diagnostics: [notFound('host_inventory', name, hostNames)] };
      const inv = await catchAgent(`data nssv_host_inventory "${name}"`, diagnostics, () =>
        s.ctx.inventory(name),
      );
      if (!inv) return { state: null, diagnostics };
      const byName = <T extends { name: string }>(xs: T[]): T[] =>
        [...xs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return {
        state: {
          host: name,
          cpus: inv.host.cpus,
          memory_mib: inv.host.memoryMiB,
          domain_type: inv.host.domainType,
          domains: byName(inv.domains).map((d) => ({
            name: d.name,
            uuid: d.uuid,
            address: d.address,
            vcpus: d.vcpus,
            memory_mib: d.memoryMiB,
            power_state: d.powerState,
          })),
          volumes: byName(inv.volumes).map((v) => ({
            name: v.name,
            pool: v.pool,
            address: v.address,
            size_gib: v.sizeGiB,
            format: v.format,
          })),
          pools: byName(inv.pools).map((p) => ({
            name: p.name,
            address: p.address,
            capacity_bytes: p.capacityBytes,
            available_bytes: p.availableBytes,
          })),
          switches: byName(inv.switches).map((x) => ({ name: x.name, address: x.address, mtu: x.mtu })),
          port_groups: byName(inv.portGroups).map((p) => ({
            name: p.name,
            switch: p.switch,
            address: p.address,
            vlan_id: p.vlanId,
          })),
        },
        diagnostics,
      };
    }
    default:
      return { state: null, diagnostics: [notSupportedImage()] };
  }
}
