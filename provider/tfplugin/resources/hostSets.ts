import { isUnknown, unknownValue, type Attributes, type AttrValue } from '../../../core/values.js';
import type { Session } from '../session.js';

/**
 * host_ids of the per-host resources, from the provider's hosts: a pool lives on every host of
 * its cluster, a switch on every host of its clusters, a port group wherever its switch is.
 */
export async function hostIds(s: Session, type: string, p: Attributes): Promise<AttrValue> {
  switch (type) {
    case 'nssv_storage_pool':
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
      const on: string[] = [];
      for (const h of [...s.hosts.keys()].sort()) {
        if ((await s.ctx.inventory(h)).switches.some((x) => x.name === p.switch_id)) on.push(h);
      }
      return on;
    }
    default:
      return undefined as unknown as AttrValue;
  }
}

export const PER_HOST_TYPES = new Set(['nssv_storage_pool', 'nssv_distributed_switch', 'nssv_port_group']);
