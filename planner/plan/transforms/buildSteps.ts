import type { Attributes } from '../../../core/values.js';
import { resourceOf } from '../addresses.js';
import type { PlanContext } from '../context.js';
import type { PlanStep, StepKind } from '../types.js';

function hostsOf(a: Attributes | null | undefined): string[] {
  if (!a) return [];
  const hs = [a.host_id, ...(Array.isArray(a.host_ids) ? a.host_ids : [])].filter(
    (h): h is string => typeof h === 'string',
  );
  return [...new Set(hs)].sort();
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Orders the work as a DAG (Terraform's rules):
 * - creates and updates wait for the creates/updates of what they depend on;
 * - a delete waits for the deletes of everything that depended on it, and for the updates that
 *   stop referring to it;
 * - a replacement deletes first, then creates (create_before_destroy flips that).
 * A dependency on a whole resource goes through one barrier per resource, so the graph stays
 * linear in the number of instances.
 */
export function buildSteps(ctx: PlanContext): void {
  const steps = new Map<string, PlanStep>();
  const barriers = new Map<string, string[]>();
  const add = (address: string, type: string, kind: StepKind, hosts: string[]): PlanStep => {
    const step: PlanStep = { id: `${address}#${kind}`, address, type, kind, after: [], hosts };
    steps.set(step.id, step);
    return step;
  };
  const upsert = new Map<string, PlanStep>();
  const del = new Map<string, PlanStep>();
  const upsertsOf = new Map<string, string[]>();
  const deletesOf = new Map<string, string[]>();
  for (const c of ctx.changes) {
    if (c.action === 'noop') continue;
    if (c.action === 'delete' || c.action === 'replace') {
      const s = add(c.address, c.type, 'delete', hostsOf(c.before));
      del.set(c.address, s);
      push(deletesOf, resourceOf(c.address), s.id);
    }
    if (c.action === 'migrate') {
      // A migration is an update of the VM that touches both hosts.
      const s = add(
        c.address,
        c.type,
        'update',
        [...new Set([...hostsOf(c.before), ...hostsOf(c.after)])].sort(),
      );
      upsert.set(c.address, s);
      push(upsertsOf, resourceOf(c.address), s.id);
    }
    if (c.action === 'create' || c.action === 'replace' || c.action === 'update') {
      const s = add(c.address, c.type, c.action === 'update' ? 'update' : 'create', hostsOf(c.after));
      upsert.set(c.address, s);
      push(upsertsOf, resourceOf(c.address), s.id);
    }
  }

  if (steps.size === 0) {
    // Nothing to do (a plan with no changes): no edges to work out.
    ctx.steps = [];
    ctx.barriers = {};
    return;
  }

  // Creates and updates after what they depend on.
  for (const [address, step] of upsert) {
    const node = ctx.nodes.get(address)!;
    for (const dep of node.deps) {
      const d = upsert.get(dep);
      if (d) step.after.push(d.id);
      else if (!ctx.nodes.has(dep) && upsertsOf.has(dep)) {
        const id = `${dep}#created`;
        barriers.set(id, upsertsOf.get(dep)!);
        step.after.push(id);
      }
    }
    const own = del.get(address);
    if (own) {
      if (node.desired?.lifecycle.createBeforeDestroy) own.after.push(step.id);
      else step.after.push(own.id);
    }
  }

  // Deletes after their former dependents are gone (or no longer refer to them).
  const releasedBy = new Map<string, string[]>();
  for (const n of ctx.nodes.values()) {
    for (const dep of n.prior?.dependencies ?? []) {
      const waits: string[] = [];
      const dependentDelete = del.get(n.address);
      if (dependentDelete) waits.push(dependentDelete.id);
      const dependentUpsert = upsert.get(n.address);
      if (dependentUpsert?.kind === 'update' && !n.deps.includes(dep)) waits.push(dependentUpsert.id);
      if (waits.length === 0) continue;
      const d = del.get(dep);
      if (d) d.after.push(...waits);
      else if (deletesOf.has(dep)) for (const w of waits) push(releasedBy, dep, w);
    }
  }
  for (const [resource, waits] of releasedBy) {
    const id = `${resource}#released`;
    barriers.set(id, [...new Set(waits)].sort());
    for (const stepId of deletesOf.get(resource) ?? []) steps.get(stepId)!.after.push(id);
  }

  // A dir-pool volume moving with its VM is copied by the VM's migration: the VM's step runs
  // first (after what the volume waited for), the volume's in-place update after it.
  for (const [address, step] of upsert) {
    const vm = ctx.nodes.get(address)!.movesWith;
    const vmStep = vm === undefined ? undefined : upsert.get(vm);
    if (!vmStep) continue;
    vmStep.after = vmStep.after.filter((id) => id !== step.id).concat(step.after);
    step.after.push(vmStep.id);
  }

  for (const s of steps.values()) s.after = [...new Set(s.after)].sort();
  ctx.steps = [...steps.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  ctx.barriers = Object.fromEntries([...barriers.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
