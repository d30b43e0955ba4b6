import { attributeSchema } from '../../schemas/registry.js';
import type { DesiredInstance } from '../../planner/config/types.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { isUnknown, type Attributes, type AttrValue } from '../../core/values.js';
import { hasHandler } from './registry.js';

/**
 * Attributes the schemas accept (the full resource model validates) but the agents cannot apply
 * yet. Setting one to anything but its default is a plan error: never silently ignored.
 * Paths use "[]" for block items. Remove an entry when its handler implements it.
 */
const NOT_YET: Readonly<Record<string, readonly string[]>> = {
  nssv_cluster: ['ha_enabled'],
  nssv_storage_pool: [
    'replicas',
    'erasure_code',
    'quota_gib',
    'thin_provisioning',
    'recovery_qos',
    'failure_domain',
  ],
  nssv_volume: ['source_snapshot_id', 'delete_policy'],
  nssv_image_storage: ['path'],
  nssv_image: ['delete_policy'],
  nssv_distributed_switch: ['transport', 'uplinks', 'bond_mode', 'lacp', 'vxlan_port'],
  // cidr, gateway and DNS reach guests through cloud-init (guest_network); DHCP is not served yet.
  nssv_port_group: ['vni', 'dhcp'],
  nssv_vm: [
    'scheduling_group_id',
    'ha_enabled',
    'delete_policy',
    'disk[].boot_order',
    'disk[].bus',
    'nic[].security_group_ids',
  ],
};

/** Values that are not yet supported, even though the attribute itself is, and what is usable today. */
const NOT_YET_VALUES: Readonly<
  Record<string, Readonly<Record<string, { refused: readonly AttrValue[]; allowed: readonly AttrValue[] }>>>
> = {
  nssv_storage_pool: { kind: { refused: ['rbd'], allowed: ['dir'] } },
  nssv_image_storage: { kind: { refused: ['rbd'], allowed: ['dir'] } },
};

function same(a: AttrValue | undefined, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function diag(d: DesiredInstance, path: string, shown: string, why: string): Diagnostic {
  const top = path.split(/[[.]/)[0]!;
  return {
    severity: 'error',
    code: 'NSSV_NOT_SUPPORTED_YET',
    address: d.address,
    attribute: path,
    summary: `${d.address}: ${shown} is not supported yet: ${why}`,
    detail: `nssv validate accepts it (it is part of the resource model), but plan refuses it rather than ignore it. Fix: remove ${top} from ${d.address}, or leave it at its default.`,
    range: d.attributeRanges[path] ?? d.attributeRanges[top] ?? d.range,
  };
}

/** Plan-time check: every resource type has a handler and no unsupported attribute is used. */
export function unsupportedFeatures(instances: readonly DesiredInstance[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of instances) {
    if (!hasHandler(d.type)) {
      out.push({
        severity: 'error',
        code: 'NSSV_NOT_SUPPORTED_YET',
        address: d.address,
        summary: `${d.address}: resource type ${d.type} is not supported yet: this version's agents cannot create it`,
        detail: `nssv validate accepts it (it is part of the resource model), but plan refuses it rather than ignore it. Fix: remove ${d.address} for now.`,
        range: d.range,
      });
      continue;
    }
    for (const path of NOT_YET[d.type] ?? []) {
      const [block, leaf] = path.split('[].');
      if (leaf) {
        const items = d.attributes[block!];
        if (!Array.isArray(items)) continue;
        const dflt = attributeSchema(d.type, [block!, leaf])?.default;
        items.forEach((item, i) => {
          const v = (item as Attributes)?.[leaf];
          if (v !== undefined && !isUnknown(v) && !same(v, dflt)) {
            out.push(
              diag(d, `${block}[${i}].${leaf}`, `${block}[${i}].${leaf}`, 'the agents do not apply it yet'),
            );
          }
        });
        continue;
      }
      const v = d.attributes[path];
      const dflt = attributeSchema(d.type, [path])?.default;
      if (v !== undefined && !isUnknown(v) && !same(v, dflt))
        out.push(diag(d, path, path, 'the agents do not apply it yet'));
    }
    for (const [path, { refused, allowed }] of Object.entries(NOT_YET_VALUES[d.type] ?? {})) {
      const v = d.attributes[path];
      if (v !== undefined && refused.some((x) => same(v, x))) {
        const today = allowed.map((x) => JSON.stringify(x)).join(', ');
        out.push({
          ...diag(
            d,
            path,
            `${path} = ${JSON.stringify(v)}`,
            'only the values the agents implement are usable today',
          ),
          detail: `nssv validate accepts it (it is part of the resource model), but plan refuses it rather than ignore it. Allowed today: ${today}. Fix: set ${path} = ${JSON.stringify(allowed[0])}.`,
        });
      }
    }
  }
  return out;
}
