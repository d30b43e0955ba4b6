import { attributeInfo, attributeInfos } from '../../../schemas/attributes.js';
import { type AttributeDiff, compareAttributes } from '../../diff/compare.js';
import type { ResourceChange } from '../../resourceChange.js';
import { unknownValue, type Attributes } from '../../../core/values.js';
import type { PlanContext, PlanNode } from '../context.js';
import { planErrors } from '../errors.js';
import { replaceCauses } from '../replaceCauses.js';
import { poolKindOfVolume } from './deriveVolumeFacts.js';
import { DERIVED_ATTRIBUTES } from './plannedAttributes.js';

/** Per type: the schema's sensitive paths, sorted, and as a set. */
const schemaSensitive = new Map<string, { sorted: string[]; set: ReadonlySet<string> }>();

function sensitivePaths(n: PlanNode): string[] {
  let fromSchema = schemaSensitive.get(n.type);
  if (!fromSchema) {
    const paths = attributeInfos(n.type)
      .filter((a) => a.sensitive)
      .map((a) => a.path);
    fromSchema = { sorted: [...new Set(paths)].sort(), set: new Set(paths) };
    schemaSensitive.set(n.type, fromSchema);
  }
  const own = n.desired?.sensitivePaths ?? [];
  const recorded = n.prior?.sensitivePaths ?? [];
  // Usually the instance's paths are the schema's (or none): no set to build, nothing to sort.
  const { set } = fromSchema;
  if (allIn(own, set) && allIn(recorded, set)) return fromSchema.sorted.slice();
  return [...new Set([...fromSchema.sorted, ...own, ...recorded])].sort();
}

function allIn(paths: readonly string[], set: ReadonlySet<string>): boolean {
  for (const p of paths) if (!set.has(p)) return false;
  return true;
}

/** Per type: whether a top-level attribute is never compared (read-only, not derived by the planner). */
const readOnlyByType = new Map<string, (path: string) => boolean>();

function readOnly(type: string): (path: string) => boolean {
  let skip = readOnlyByType.get(type);
  if (!skip) {
    const known = new Map<string, boolean>();
    skip = (path) => {
      let r = known.get(path);
      if (r === undefined) {
        r = attributeInfo(type, path)?.source === 'readonly' && !DERIVED_ATTRIBUTES.has(path);
        known.set(path, r);
      }
      return r;
    };
    readOnlyByType.set(type, skip);
  }
  return skip;
}

function skipper(n: PlanNode): (path: string) => boolean {
  const ignore = n.desired?.lifecycle.ignoreChanges ?? [];
  const skipReadOnly = readOnly(n.type);
  if (ignore === 'all') return () => true;
  if (ignore.length === 0) return skipReadOnly;
  return (path) => ignore.includes(path) || skipReadOnly(path);
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
    const d = causesOnly(n, inPlaceForRbd(ctx, n, compareAttributes(n.type, n.planned, live, skipper(n))));
    checkShrink(ctx, n, live);
    if (d.changed.length === 0) {
      // Most instances of a plan: built as one literal, the same keys in the same order.
      changes.push({
        address: base.address,
        type: base.type,
        requiredReplace: base.requiredReplace,
        sensitivePaths: base.sensitivePaths,
        action: 'noop',
        before: live,
        after: n.planned,
      });
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

/** The diff with only the force-new paths that cause the replacement (see replaceCauses). */
function causesOnly(n: PlanNode, d: AttributeDiff): AttributeDiff {
  const causes = replaceCauses(d.forceNew, n.planned!, n.desired?.attributes ?? {});
  return causes.length === d.forceNew.length ? d : { ...d, forceNew: causes };
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
