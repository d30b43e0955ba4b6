import type { HostCapacity } from './capacity.js';
import { capacityFilter } from './filters/capacity.js';
import { labelsFilter } from './filters/labels.js';
import { maintenanceFilter } from './filters/maintenance.js';
import { mandatoryRuleFilter } from './filters/mandatoryRule.js';
import type { Labels } from './labels.js';
import type { Occupancy } from './occupancy.js';
import { ruleLabel, type Rule } from './rule.js';
import { ruleViolation } from './ruleViolation.js';
import type { VmDemand } from './vmDemand.js';
import { lowLoadWeight } from './weighers/lowLoad.js';
import { preferredRuleWeight } from './weighers/preferredRule.js';
import { spreadWeight } from './weighers/spread.js';

export interface ScheduleRequest {
  demand: VmDemand;
  rule?: Rule;
  /** A host the VM must use because its volume already lives there. */
  volumeHost?: string;
  /** nssv_vm.host_labels: every pair must be on the host. */
  hostLabels?: Labels;
}

export interface Rejection {
  host: string;
  why: string;
  /** The VM's mandatory rule rejected the host. */
  byRule: boolean;
}

export type Schedule = { ok: true; host: HostCapacity; why: string } | { ok: false; rejections: Rejection[] };

/**
 * Filters, then weights. Filters: maintenance, host labels, the host of the VM's volume, the
 * mandatory rule, capacity. Weights, in order: the preferred rule, spread (scatter), low load, then the
 * host name, so the same inputs always give the same host. `hosts` are the cluster's, by name.
 */
export function scheduleVm(
  hosts: readonly HostCapacity[],
  req: ScheduleRequest,
  placed: Occupancy,
): Schedule {
  const rejections: Rejection[] = [];
  let best: { c: HostCapacity; key: Key } | undefined;
  for (const c of hosts) {
    const name = c.host.name;
    const rejected = reject(c, req, placed);
    if (rejected) {
      rejections.push({ host: name, ...rejected });
      continue;
    }
    const key: Key = [
      preferredRuleWeight(req.rule, name, placed),
      spreadWeight(req.rule, name, placed),
      lowLoadWeight(c),
    ];
    if (!best || beats(key, best.key)) best = { c, key };
  }
  if (!best) return { ok: false, rejections };
  return { ok: true, host: best.c, why: explain(best.c, req, placed, hosts, rejections) };
}

function reject(
  c: HostCapacity,
  req: ScheduleRequest,
  placed: Occupancy,
): Omit<Rejection, 'host'> | undefined {
  const name = c.host.name;
  const maintenance = maintenanceFilter(c);
  if (maintenance) return { why: maintenance, byRule: false };
  const labels = labelsFilter(c, req.hostLabels);
  if (labels) return { why: labels, byRule: false };
  if (req.volumeHost !== undefined && req.volumeHost !== name)
    return { why: `the VM's volume is on ${req.volumeHost}`, byRule: false };
  const rule = mandatoryRuleFilter(req.rule, name, placed);
  if (rule) return { why: rule, byRule: true };
  const capacity = capacityFilter(c, req.demand);
  return capacity ? { why: capacity, byRule: false } : undefined;
}

/** A host's weights, most significant first. */
type Key = [rule: number, spread: number, load: readonly [number, number]];

/** Strictly greater, weight by weight (ties keep the earlier host, the first by name). */
function beats([r1, s1, [m1, c1]]: Key, [r2, s2, [m2, c2]]: Key): boolean {
  if (r1 !== r2) return r1 > r2;
  if (s1 !== s2) return s1 > s2;
  if (m1 !== m2) return m1 > m2;
  return c1 > c2;
}

/** The rule that decided the host, as the plan shows it, then the host labels the VM asked for. */
function explain(
  c: HostCapacity,
  req: ScheduleRequest,
  placed: Occupancy,
  hosts: readonly HostCapacity[],
  rejections: readonly Rejection[],
): string {
  const why = explainRule(c, req, placed, (rule) => relaxed(rule, placed, hosts, rejections));
  const labels = Object.entries(req.hostLabels ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`);
  return labels.length === 0 ? why : `${why}; host_labels ${labels.join(', ')}`;
}

/** Why a preferred rule gave way: what each host would have broken. */
function relaxed(
  rule: Rule,
  placed: Occupancy,
  hosts: readonly HostCapacity[],
  rejections: readonly Rejection[],
): string {
  const why = hosts
    .map((h) => h.host.name)
    .map((h) => `${h}: ${rejections.find((r) => r.host === h)?.why ?? ruleViolation(rule, h, placed)}`)
    .join('; ');
  return `preferred ${ruleLabel(rule)} relaxed: no host keeps it (${why})`;
}

function explainRule(
  c: HostCapacity,
  req: ScheduleRequest,
  placed: Occupancy,
  relaxedWhy: (rule: Rule) => string,
): string {
  const name = c.host.name;
  if (req.volumeHost !== undefined) return 'its volume is there';
  const { rule } = req;
  if (!rule)
    return `scatter: ${placed.vmsOn(name)} VMs of the cluster there, ${lowLoadWeight(c)[0]} MiB free`;
  const broken = ruleViolation(rule, name, placed);
  if (broken === undefined) return ruleLabel(rule);
  return relaxedWhy(rule);
}
