import type { Diagnostic } from '../../../core/diagnostic.js';
import type { DesiredInstance } from '../../config/types.js';
import type { HostLabels, MaxPerReference } from '../../../schemas/rules/types.js';
import * as errors from '../errors.js';
import { rangeOf } from '../paths.js';
import { follow, lookup, scopeOf, UNKNOWN, type Scope } from './context.js';

/** Follow reference attributes from a scope; undefined when a step is unknown or outside the configuration. */
function walk(scope: Scope, path: readonly string[]): Scope | undefined {
  let s: Scope | undefined = scope;
  for (const via of path) {
    if (!s) return undefined;
    const target = follow(s, via);
    if (target === UNKNOWN || target === undefined) return undefined;
    s = scopeOf(s, target);
  }
  return s;
}

/**
 * Too many resources refer to one target (snapshots of one volume): reported once, on the first
 * instance over the limit, so the message appears once per target.
 */
export function checkMaxPerReference(rule: MaxPerReference, scope: Scope): Diagnostic[] {
  const ref = lookup(scope, rule.reference);
  if (typeof ref.value !== 'string') return [];
  const end = walk(scope, rule.path);
  if (!end) return [];
  const decider = lookup(end, rule.attribute).value;
  const limit = typeof decider === 'string' ? rule.limits[decider] : undefined;
  if (limit === undefined) return [];
  const siblings = scope.index.instances.filter(
    (i: DesiredInstance) => i.type === scope.instance.type && i.attributes[rule.reference] === ref.value,
  );
  if (siblings.length <= limit || siblings[limit] !== scope.instance) return [];
  const target = walk(scope, rule.path.slice(0, 1));
  return [
    errors.tooManyPerReference({
      code: rule.code,
      address: scope.instance.address,
      attribute: ref.path,
      range: scope.instance.range,
      says: rule.says,
      type: scope.instance.type,
      count: siblings.length,
      limit,
      target: target?.instance.address ?? ref.value,
      via: end.instance.address,
      decider: rule.attribute,
      value: String(decider),
      noun: rule.noun,
    }),
  ];
}

/** Failure domains above the host need the hosts of the cluster labelled (rack = "r1"). */
export function checkHostLabels(rule: HostLabels, scope: Scope): Diagnostic[] {
  const v = lookup(scope, rule.attribute);
  if (typeof v.value !== 'string' || !rule.labels.includes(v.value)) return [];
  const cluster = follow(scope, rule.cluster);
  if (cluster === UNKNOWN || cluster === undefined) return [];
  const clusterId = cluster.attributes.name;
  const hosts = scope.index.instances.filter(
    (i) => i.type === 'nssv_host' && i.attributes.cluster_id === clusterId,
  );
  const missing: string[] = [];
  for (const h of hosts) {
    const labels = h.attributes.labels;
    if (labels === undefined || labels === null) {
      missing.push(h.address);
      continue;
    }
    if (typeof labels !== 'object' || Array.isArray(labels) || '$unknown' in labels) return [];
    const label = (labels as Record<string, unknown>)[v.value];
    if (label !== undefined && typeof label === 'object' && label !== null) return [];
    if (label === undefined || label === null || label === '') missing.push(h.address);
  }
  if (missing.length === 0) return [];
  return [
    errors.missingHostLabels({
      code: rule.code,
      address: scope.instance.address,
      attribute: v.path,
      range: rangeOf(scope.instance, v.path),
      says: rule.says,
      value: v.value,
      label: v.value,
      cluster: cluster.address,
      hosts: missing,
    }),
  ];
}
