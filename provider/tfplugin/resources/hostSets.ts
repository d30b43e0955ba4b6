import { isUnknown, unknownValue, type Attributes, type AttrValue } from '../../../core/values.js';
import type { Session } from '../session.js';

/**
 * The hosts of a data center: the provider's hosts, less those whose cluster this process planned
 * in another data center. Terraform's apply walk does not plan an unchanged cluster again, and the
 * plan it makes then must equal the one it showed: so a host whose cluster was not planned counts
 * as in the data center, which gives the same set in both walks when the provider's hosts are one
 * data center's (as `nssv sandbox up --emit` writes them; docs/terraform.md, "Limits today").
 */
function hostsOfDatacenter(s: Session, dc: AttrValue | undefined): AttrValue {
  if (typeof dc !== 'string') return unknownValue;
  const out: string[] = [];
  for (const h of [...s.hosts.values()].sort((a, b) => (a.host < b.host ? -1 : 1))) {
    const c = s.recall('nssv_cluster', h.cluster);
    if (c && isUnknown(c.datacenter_id)) return unknownValue;
    if (!c || c.datacenter_id === dc) out.push(h.host);
  }
  return out;
}

/** The hosts whose inventory has the named object (what exists when this process did not plan it). */
async function hostsHaving(s: Session, has: (h: string) => Promise<boolean>): Promise<string[]> {
  const on: string[] = [];
  for (const h of [...s.hosts.keys()].sort()) if (await has(h)) on.push(h);
  return on;
}

/**
 * host_ids of the per-host resources, from the provider's hosts: a pool or an image storage lives
 * on every host of its cluster, a switch on every host of its clusters, a port group wherever its
 * switch is, an image wherever its storage is, a security group on every host of its data center.
 */
export async function hostIds(s: Session, type: string, p: Attributes): Promise<AttrValue> {
  switch (type) {
    case 'nssv_storage_pool':
    case 'nssv_image_storage':
      return typeof p.cluster_id === 'string' ? s.hostsOf([p.cluster_id]) : unknownValue;
    case 'nssv_distributed_switch': {
      const c = p.cluster_ids;
      if (!Array.isArray(c) || c.some((x) => typeof x !== 'string')) return unknownValue;
      return s.hostsOf(c as string[]);
    }
    case 'nssv_port_group': {
      if (typeof p.switch_id !== 'string') return unknownValue;
      const sw = s.recall('nssv_distributed_switch', p.switch_id);
      if (sw && !isUnknown(sw.host_ids)) return sw.host_ids ?? unknownValue;
      const name = p.switch_id;
      return hostsHaving(s, async (h) => (await s.ctx.inventory(h)).switches.some((x) => x.name === name));
    }
    case 'nssv_image': {
      if (typeof p.image_storage_id !== 'string') return unknownValue;
      const st = s.recall('nssv_image_storage', p.image_storage_id);
      if (st && !isUnknown(st.host_ids)) return st.host_ids ?? unknownValue;
      const name = p.image_storage_id;
      return hostsHaving(s, async (h) => (await s.ctx.inventory(h)).imageStores.some((x) => x.name === name));
    }
    case 'nssv_security_group':
      return hostsOfDatacenter(s, p.datacenter_id);
    default:
      return undefined as unknown as AttrValue;
  }
}

export const PER_HOST_TYPES = new Set([
  'nssv_storage_pool',
  'nssv_distributed_switch',
  'nssv_port_group',
  'nssv_image_storage',
  'nssv_image',
  'nssv_security_group',
]);
