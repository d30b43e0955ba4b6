import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Attributes } from '../../../core/values.js';
import type { Inventory } from '../../../schemas/generated/agentApi.js';
import { catchAgent } from '../errors.js';
import type { HandlerContext } from '../../handlers/types.js';
import type { ProviderHost } from '../providerConfig.js';

/** What reading a data source needs: the hosts (by name, with their clusters) and their agents. */
export interface DataHosts {
  hosts: ReadonlyMap<string, Pick<ProviderHost, 'cluster' | 'endpoint'>>;
  hostsOf(clusters: readonly string[]): string[];
  ctx: Pick<HandlerContext, 'inventory'>;
}

function notFound(what: string, name: string, known: string[]): Diagnostic {
  return {
    severity: 'error',
    code: 'NSSV_DATA_NOT_FOUND',
    attribute: what === 'host_inventory' ? 'host' : 'name',
    summary: `no ${what.replace('_inventory', '')} "${name}" among the configured hosts`,
    detail: `Known: ${known.join(', ') || 'none'}.`,
  };
}

function ambiguous(name: string, stores: string[]): Diagnostic {
  return {
    severity: 'error',
    code: 'NSSV_DATA_AMBIGUOUS',
    attribute: 'name',
    summary: `more than one image "${name}": one in each of the image storages ${stores.join(', ')}`,
    detail: `Fix: set image_storage_id to one of ${stores.join(', ')}.`,
  };
}

export const unknownDataSource = (type: string, known: string[]): Diagnostic => ({
  severity: 'error',
  code: 'NSSV_DATA_UNKNOWN_TYPE',
  summary: `there is no data source "${type}"`,
  detail: `The data sources are: ${known.join(', ')}.`,
});

/** data nssv_image: an image by name (and image storage), read from every host's inventory. */
async function readImage(
  s: DataHosts,
  config: Attributes,
  diagnostics: Diagnostic[],
): Promise<Attributes | null | undefined> {
  const name = String(config.name);
  const store = typeof config.image_storage_id === 'string' ? config.image_storage_id : undefined;
  const found = new Map<string, { info: Inventory['images'][number]; hosts: string[] }>();
  const names = new Set<string>();
  for (const host of [...s.hosts.keys()].sort()) {
    const inv = await catchAgent(`data nssv_image "${name}"`, diagnostics, () => s.ctx.inventory(host));
    if (!inv) return undefined;
    for (const i of inv.images) {
      if (store !== undefined && i.store !== store) continue;
      names.add(i.name);
      if (i.name !== name) continue;
      const f = found.get(i.store);
      if (f) f.hosts.push(host);
      else found.set(i.store, { info: i, hosts: [host] });
    }
  }
  const stores = [...found.keys()].sort();
  if (stores.length === 0) {
    diagnostics.push(
      notFound(store ? `image in image storage "${store}",` : 'image', name, [...names].sort()),
    );
    return null;
  }
  if (stores.length > 1) {
    diagnostics.push(ambiguous(name, stores));
    return null;
  }
  const { info, hosts } = found.get(stores[0]!)!;
  return {
    id: name,
    name,
    image_storage_id: info.store,
    source: info.source,
    format: info.format,
    sha256: info.sha256,
    size_bytes: info.sizeBytes,
    host_ids: hosts,
    os_type: null,
    delete_policy: null,
    description: null,
  };
}

/** ReadDataSource: the provider's hosts and their agents' inventories. */
export async function readData(
  s: DataHosts,
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
          pci_devices: (inv.pciDevices ?? []).map((d) => ({
            address: d.address,
            vendor_id: d.vendorId,
            vendor: d.vendor,
            product_id: d.productId,
            product: d.product,
            driver: d.driver,
            iommu_group: d.iommuGroup,
            used_by: d.usedBy,
          })),
        },
        diagnostics,
      };
    }
    case 'nssv_image': {
      const state = await readImage(s, config, diagnostics);
      return { state: state ?? null, diagnostics };
    }
    default:
      return {
        state: null,
        diagnostics: [
          unknownDataSource(type, ['nssv_cluster', 'nssv_host', 'nssv_host_inventory', 'nssv_image']),
        ],
      };
  }
}
