import { attributeInfo } from '../../../schemas/attributes.js';
import { isUnknown, type Attributes, type AttrValue } from '../../../core/values.js';
import type { Disruption, ResourceChange } from '../../resourceChange.js';
import type { PlanContext } from '../context.js';
import { DERIVED_ATTRIBUTES } from './plannedAttributes.js';

type Label = Disruption['label'];
const RANK: Record<Label, number> = { live: 0, reboot: 1, replace: 2 };

const NEXT_BOOT = new Set(['user_data', 'ssh_authorized_keys', 'guest_network']);

function same(a: AttrValue | undefined, b: AttrValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function changedKeys(type: string, before: Attributes, after: Attributes): string[] {
  return Object.keys(after)
    .filter((k) => {
      const info = attributeInfo(type, k);
      if (info?.source === 'readonly' && !DERIVED_ATTRIBUTES.has(k)) return false;
      return isUnknown(after[k]) || !same(after[k], before[k]);
    })
    .sort();
}

/** Whether one list is the other with items added or removed at the end. */
function prefixEqual(a: AttrValue | undefined, b: AttrValue | undefined): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  const n = Math.min(a.length, b.length);
  return same(a.slice(0, n) as AttrValue, b.slice(0, n) as AttrValue);
}

function count(v: AttrValue | undefined): number {
  return Array.isArray(v) ? v.length : 0;
}

/** vcpus / memory_mib: live up to the maximum the running VM was started with, else a reboot. */
function sized(
  b: Attributes,
  a: Attributes,
  key: 'vcpus' | 'memory_mib',
  maxKey: 'max_vcpus' | 'max_memory_mib',
): [Label, string] {
  const maxBefore = Math.max(Number(b[maxKey] ?? b[key]), Number(b[key]));
  const maxAfter = Math.max(Number(a[maxKey] ?? a[key]), Number(a[key]));
  const change = `${key} ${String(b[key])} -> ${String(a[key])}`;
  if (maxBefore === maxAfter) {
    const how = key === 'vcpus' ? 'vCPU hot-plug' : 'memory balloon';
    return ['live', `${change} in place (${how}, up to ${maxKey} ${maxAfter})`];
  }
  return [
    'reboot',
    `${change} needs a new maximum (${maxKey} ${maxBefore} -> ${maxAfter}): nssv restarts the VM`,
  ];
}

/** The disruption of one VM update: the most disruptive of its attribute changes. */
export function vmDisruption(before: Attributes, after: Attributes): Disruption {
  const parts: [Label, string][] = [];
  const keys = changedKeys('nssv_vm', before, after);
  // A NIC added or removed changes guest_network only by that NIC's entry: part of the hot-plug.
  const nicOnly = keys.includes('nic') && prefixEqual(before.guest_network, after.guest_network);
  const nextBoot = keys.filter((k) => NEXT_BOOT.has(k) && !(k === 'guest_network' && nicOnly));
  for (const k of keys) {
    if (NEXT_BOOT.has(k)) continue;
    if (k === 'cloud_init_seed') {
      if (nextBoot.length === 0 && after[k] === 'intact')
        parts.push([
          'live',
          `cloud_init_seed ${String(before[k])} -> intact: the seed changed out of band is written again with the same content (the running guest is not touched)`,
        ]);
      continue;
    }
    if (k === 'vcpus' || k === 'max_vcpus') {
      if (k === 'max_vcpus' && keys.includes('vcpus')) continue;
      parts.push(sized(before, after, 'vcpus', 'max_vcpus'));
    } else if (k === 'memory_mib' || k === 'max_memory_mib') {
      if (k === 'max_memory_mib' && keys.includes('memory_mib')) continue;
      parts.push(sized(before, after, 'memory_mib', 'max_memory_mib'));
    } else if (k === 'nic' || k === 'disk') {
      const [b, a] = [count(before[k]), count(after[k])];
      const what = k === 'nic' ? 'NIC' : 'disk';
      const seed =
        k === 'nic' && keys.includes('guest_network')
          ? '; its cloud-init network config applies on the next boot'
          : '';
      if (a !== b)
        parts.push(['live', `${what} ${a > b ? 'hot-plugged' : 'unplugged'} (${k}: ${b} -> ${a})${seed}`]);
      else parts.push(['reboot', `${k} settings change: nssv restarts the VM`]);
    } else if (k === 'pci_passthrough') {
      parts.push([
        'reboot',
        'pci_passthrough changes: passthrough devices are defined, not hot-plugged: nssv restarts the VM',
      ]);
    } else if (k === 'power_state') {
      parts.push(['live', `power_state ${String(before[k])} -> ${String(after[k])}`]);
    } else {
      parts.push(['live', `${k} changes in place`]);
    }
  }
  if (nextBoot.length > 0) {
    const now = after.cloud_init_changes === 'reboot';
    parts.push([
      'reboot',
      now
        ? `${nextBoot.join(', ')}: the cloud-init seed is rewritten with a new instance id and nssv restarts the VM so cloud-init applies it now (cloud_init_changes = "reboot")`
        : `${nextBoot.join(', ')}: the cloud-init seed is rewritten with a new instance id; takes effect on the next boot (nssv does not restart the VM)`,
    ]);
  }
  const label = parts.reduce<Label>((m, [l]) => (RANK[l] > RANK[m] ? l : m), 'live');
  return { label, why: parts.map(([, w]) => w).join('; ') };
}

/** Labels every VM update and replacement with its disruption (text and JSON plans show it). */
export function labelDisruption(ctx: PlanContext): void {
  ctx.changes = ctx.changes.map((c): ResourceChange => {
    if (c.type !== 'nssv_vm') return c;
    if (c.action === 'replace') {
      return {
        ...c,
        disruption: {
          label: 'replace',
          why: `${c.requiredReplace.join(', ')} forces replacement: the VM is destroyed and created again`,
        },
      };
    }
    if (c.action !== 'update' || !c.before || !c.after) return c;
    return { ...c, disruption: vmDisruption(c.before, c.after) };
  });
}
