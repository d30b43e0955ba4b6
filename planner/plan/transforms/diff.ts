import { attributeInfo, attributeInfos } from '../../../schemas/attributes.js';
import { type AttributeDiff, compareAttributes } from '../../diff/compare.js';
import type { ResourceChange } from '../../resourceChange.js';
import { unknownValue, type Attributes } from '../../../core/values.js';
import type { PlanContext, PlanNode } from '../context.js';
import { planErrors } from '../errors.js';
import { poolKindOfVolume } from './deriveVolumeFacts.js';
import { DERIVED_ATTRIBUTES } from './plannedAttributes.js';

const schemaSensitive = new Map<string, string[]>();

function sensitivePaths(n: PlanNode): string[] {
  let fromSchema = schemaSensitive.get(n.type);
  if (!fromSchema) {
    fromSchema = attributeInfos(n.type)
      .filter((a) => a.sensitive)
      .map((a) => a.path);
    schemaSensitive.set(n.type, fromSchema);
  }
  return [
    ...new Set([...fromSchema, ...(n.desired?.sensitivePaths ?? []), ...(n.prior?.sensitivePaths ?? [])]),
  ].sort();
}

function skipper(n: PlanNode): (path: string) => boolean {
  const ignore = n.desired?.lifecycle.ignoreChanges ?? [];
  return (path) => {
    if (ignore === 'all' || ignore.includes(path)) return true;
    const info = attributeInfo(n.type, path);
    return info?.source === 'readonly' && !DERIVED_ATTRIBUTES.has(path);
  };
}

/** Decides each instance's action by comparing planned attributes with the live ones. */
export function diff(ctx: PlanContext): void {
  const changes: ResourceChange[] = [];
  for (const n of ctx.nodes.values()) {
    const base = {
      address: n.address,
      type: n.type,
      requiredReplace: [] as string[],
      sensitivePaths: sensitivePaths(n),
    };
    const live = n.live ?? null;
    if (!n.planned) {
      changes.push({
        ...base,
        action: 'delete',
        before: live ?? n.prior?.attributes ?? null,
        after: null,
        reason: ctx.mode === 'destroy' ? 'destroy' : 'not in configuration',
      });
      continue;
    }
    if (!live) {
      const reason = n.prior ? 'it was deleted outside nssv' : n.notes.join('; ') || undefined;
      changes.push({
        ...base,
        action: 'create',
        before: null,
        after: n.planned,
        ...(reason ? { reason } : {}),
      });
      continue;
    }
    const d = inPlaceForRbd(ctx, n, compareAttributes(n.type, n.planned, live, skipper(n)));
    checkShrink(ctx, n, live);
    if (d.changed.length === 0) {
      changes.push({ ...base, action: 'noop', before: live, after: n.planned });
    } else if (isMove(n, d.forceNew, live)) {
      const from = String(live.host_id);
      const to = String(n.planned.host_id);
      const mode = ctx.lostHosts.has(from) ? 'restart' : live.power_state === 'running' ? 'live' : 'cold';
      const copyStorage = copiedVolumes(ctx, n.address);
      changes.push({
        ...base,
        action: 'migrate',
        before: live,
        after: n.planned,
        migration: { from, to, mode, ...(copyStorage ? { copyStorage } : {}) },
        reason: n.notes.join('; ') || 'host_id changed',
      });
    } else if (d.forceNew.length > 0) {
      const after = forReplacement(n.type, n.planned);
      n.planned = after;
      changes.push({
        ...base,
        action: 'replace',
        before: live,
        after,
        requiredReplace: d.forceNew,
        reason: `${d.forceNew.join(', ')} forces replacement`,
      });
    } else {
      const reason = n.movesWith !== undefined ? n.notes.join('; ') : '';
      changes.push({
        ...base,
        action: 'update',
        before: live,
        after: n.planned,
        ...(reason ? { reason } : {}),
      });
    }
  }
  ctx.changes = changes;
}

/** A VM whose only forcing change is its host moves there (issue 11): migrated, never replaced. */
function isMove(n: PlanNode, forceNew: readonly string[], live: Attributes): boolean {
  return (
    n.type === 'nssv_vm' &&
    forceNew.length === 1 &&
    forceNew[0] === 'host_id' &&
    typeof live.host_id === 'string' &&
    typeof n.planned!.host_id === 'string'
  );
}

const GIB = 1024 ** 3;

/** The dir-pool volumes a VM's live migration copies along (place.ts marks them), and their size in bytes. */
function copiedVolumes(ctx: PlanContext, vm: string): { volumes: string[]; bytes: number } | undefined {
  const moving = [...ctx.nodes.values()].filter((v) => v.movesWith === vm);
  if (moving.length === 0) return undefined;
  const bytes = moving.reduce(
    (sum, v) => sum + (typeof v.planned!.size_gib === 'number' ? v.planned!.size_gib : 0) * GIB,
    0,
  );
  return { volumes: moving.map((v) => v.address).sort(), bytes };
}

/**
 * A dir-pool volume moving with its VM is copied by the VM's live migration: updated in place.
 * An rbd volume lives in the Ceph cluster, not on a host: its host_id only names the agent that
 * manages it, so a VM moving to another host takes its rbd volume along in place.
 */
function inPlaceForRbd(ctx: PlanContext, n: PlanNode, d: AttributeDiff): AttributeDiff {
  if (n.type !== 'nssv_volume') return d;
  if (n.movesWith === undefined && poolKindOfVolume(ctx, n.planned!) !== 'rbd') return d;
  return { ...d, forceNew: d.forceNew.filter((p) => p !== 'host_id') };
}

/** Planned attributes of a replacement: what the host computes (uuid, …) is not known until apply. */
export function forReplacement(type: string, planned: Attributes): Attributes {
  const after: Attributes = { ...planned };
  for (const info of attributeInfos(type)) {
    if (
      info.source === 'readonly' &&
      !info.path.includes('[]') &&
      info.path !== 'id' &&
      !DERIVED_ATTRIBUTES.has(info.path)
    ) {
      after[info.path] = unknownValue;
    }
  }
  return after;
}

function checkShrink(ctx: PlanContext, n: PlanNode, live: Attributes): void {
  if (n.type !== 'nssv_volume') return;
  const from = live.size_gib;
  const to = n.planned!.size_gib;
  if (typeof from === 'number' && typeof to === 'number' && to < from) {
    ctx.diagnostics.push(
      planErrors.volumeShrink(n.address, from, to, n.desired?.attributeRanges.size_gib ?? n.desired?.range),
    );
  }
}
