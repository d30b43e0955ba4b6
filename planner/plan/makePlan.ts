import type { DesiredInstance } from '../config/types.js';
import type { State } from '../state/types.js';
import type { Attributes } from '../../core/values.js';
import type { PlanContext, PlanTransform } from './context.js';
import type { HostFacts } from './hostFacts.js';
import { addHostDependencies } from './transforms/addHostDependencies.js';
import { addNodes } from './transforms/addNodes.js';
import { allocateIps } from './transforms/allocateIps.js';
import { applyExcludes } from './transforms/applyExcludes.js';
import { applyTargets } from './transforms/applyTargets.js';
import { forceReplace } from './transforms/forceReplace.js';
import { buildSteps } from './transforms/buildSteps.js';
import { drainBeforeShrink } from './transforms/drainBeforeShrink.js';
import { deriveGuestNetwork } from './transforms/deriveGuestNetwork.js';
import { deriveHostSets } from './transforms/deriveHostSets.js';
import { deriveSecurityGroups } from './transforms/deriveSecurityGroups.js';
import { checkLostHosts } from './transforms/checkLostHosts.js';
import { checkPassthrough } from './transforms/checkPassthrough.js';
import { deletePolicy } from './transforms/deletePolicy.js';
import { deriveSnapshotPlaces, deriveVolumeFormats } from './transforms/deriveVolumeFacts.js';
import { diff } from './transforms/diff.js';
import { labelDisruption } from './transforms/labelDisruption.js';
import { place } from './transforms/place.js';
import { preventDestroy } from './transforms/preventDestroy.js';
import { replaceTriggered } from './transforms/replaceTriggered.js';
import { plannedAttributes } from './transforms/plannedAttributes.js';
import { resolveDependencies } from './transforms/resolveDependencies.js';
import type { Plan } from './types.js';

export interface PlanInput {
  mode: Plan['mode'];
  /** Validated desired instances (empty in destroy mode). */
  desired: readonly DesiredInstance[];
  prior: State;
  /** Refreshed attributes of each state resource; null when gone. Missing: use the state's. */
  live: ReadonlyMap<string, Attributes | null>;
  /** Facts of every declared host that answered, by host name. */
  hostFacts: ReadonlyMap<string, HostFacts>;
  /** Unreachable hosts taken as failed: their HA VMs restart elsewhere. */
  lostHosts?: ReadonlySet<string>;
  /** -target: plan only these (and their dependencies). */
  targets?: readonly string[];
  /** -replace: replace these even if nothing forces it. */
  replace?: readonly string[];
  /** -exclude: leave these and what depends on them as they are. */
  excludes?: readonly string[];
}

/** Pure: desired + state + live → plan. Same input, same plan. */
export function makePlan(input: PlanInput): Plan {
  const ctx: PlanContext = {
    mode: input.mode,
    nodes: new Map(),
    hostFacts: input.hostFacts,
    lostHosts: input.lostHosts ?? new Set(),
    diagnostics: [],
    changes: [],
    steps: [],
    barriers: {},
  };
  const transforms: PlanTransform[] = [
    addNodes(input.desired, input.prior, input.live),
    resolveDependencies,
    plannedAttributes,
    deriveHostSets,
    deriveVolumeFormats,
    allocateIps,
    deriveSecurityGroups,
    deriveGuestNetwork,
    place,
    deriveSnapshotPlaces,
    addHostDependencies,
    diff,
    checkPassthrough,
    checkLostHosts,
    forceReplace(input.replace ?? []),
    replaceTriggered,
    labelDisruption,
    applyTargets(input.targets ?? []),
    applyExcludes(input.excludes ?? []),
    preventDestroy,
    deletePolicy,
    buildSteps,
    drainBeforeShrink,
  ];
  for (const t of transforms) t(ctx);
  const dependencies: Record<string, string[]> = {};
  for (const n of ctx.nodes.values()) if (n.planned) dependencies[n.address] = n.deps;
  return {
    formatVersion: 1,
    mode: input.mode,
    changes: ctx.changes,
    dependencies,
    steps: ctx.diagnostics.some((d) => d.severity === 'error') ? [] : ctx.steps,
    barriers: ctx.diagnostics.some((d) => d.severity === 'error') ? {} : ctx.barriers,
    prior: { lineage: input.prior.lineage, serial: input.prior.serial },
    diagnostics: ctx.diagnostics,
  };
}
