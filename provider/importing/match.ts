import type { DesiredInstance } from '../../planner/config/types.js';
import type { HostObject } from './onHosts.js';

/** Resource types that exist only in the state: the configuration is all there is to know. */
export const STATE_ONLY_TYPES: ReadonlySet<string> = new Set([
  'nssv_datacenter',
  'nssv_cluster',
  'nssv_host_group',
  'nssv_scheduling_group',
]);

export interface RebuildMatch {
  /** Instances found on the hosts by the address recorded there, with the import ID that finds them. */
  matched: Array<{ address: string; object: HostObject }>;
  /** Instances recorded from configuration alone (state-only types) or by their agent (hosts). */
  fromConfig: string[];
  /** Declared instances nothing on the hosts records: the next plan creates them. */
  missing: string[];
  /** Objects recording an address this configuration does not declare: left alone. */
  strays: HostObject[];
}

/**
 * Pairs the configuration's instances with the objects on the hosts by the address each object
 * records (libvirt metadata, OVS external_ids, volume records): how a lost state is rebuilt.
 */
export function matchByAddress(
  desired: readonly DesiredInstance[],
  objects: readonly HostObject[],
  answered: ReadonlySet<string>,
): RebuildMatch {
  const out: RebuildMatch = { matched: [], fromConfig: [], missing: [], strays: [] };
  const used = new Set<HostObject>();
  for (const d of desired) {
    if (STATE_ONLY_TYPES.has(d.type) || (d.type === 'nssv_host' && answered.has(String(d.attributes.name)))) {
      out.fromConfig.push(d.address);
      continue;
    }
    const o = objects.find((x) => x.type === d.type && x.address === d.address && !used.has(x));
    if (!o) {
      out.missing.push(d.address);
      continue;
    }
    used.add(o);
    out.matched.push({ address: d.address, object: o });
  }
  const declared = new Set(desired.map((d) => d.address));
  out.strays = objects.filter((o) => !used.has(o) && o.address !== '' && !declared.has(o.address));
  return out;
}
