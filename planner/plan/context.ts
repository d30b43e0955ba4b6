import type { DesiredInstance } from '../config/types.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { ResourceChange } from '../resourceChange.js';
import type { StateResource } from '../state/types.js';
import type { Attributes } from '../../core/values.js';
import type { HostFacts } from './hostFacts.js';
import type { PlanStep } from './types.js';

/** One instance as the planner works on it: what config wants, what state had, what is live. */
export interface PlanNode {
  address: string;
  type: string;
  desired?: DesiredInstance;
  prior?: StateResource;
  /** Refreshed attributes of the prior instance; null when it is gone from its host. */
  live?: Attributes | null;
  /** Attributes this apply will leave it with (unknowns where not known yet). */
  planned?: Attributes;
  /** Instance addresses it depends on (configuration). */
  deps: string[];
  /** Why it is where it is / changes as it does, for the plan text. */
  notes: string[];
  /**
   * A dir-pool volume moving to another host with the VM of this address, whose live migration
   * copies it (issue 11): an in-place update that runs after that migration.
   */
  movesWith?: string;
}

export interface PlanContext {
  mode: 'normal' | 'destroy' | 'refresh-only';
  nodes: Map<string, PlanNode>;
  hostFacts: ReadonlyMap<string, HostFacts>;
  /** Hosts that stopped answering and run HA VMs: taken as failed (issue 11). */
  lostHosts: ReadonlySet<string>;
  diagnostics: Diagnostic[];
  changes: ResourceChange[];
  steps: PlanStep[];
  barriers: Record<string, string[]>;
}

/** A planning pass; passes run in a fixed order (see makePlan.ts). */
export type PlanTransform = (ctx: PlanContext) => void;

/** Each nodes map's nodes by type, in map order; rebuilt when nodes were added since. */
const byTypeOf = new WeakMap<Map<string, PlanNode>, { size: number; byType: Map<string, PlanNode[]> }>();

/** The nodes of one type, in address order (a fresh array: callers may sort or change it). */
function ofType(nodes: Map<string, PlanNode>, type: string): readonly PlanNode[] {
  let index = byTypeOf.get(nodes);
  if (!index || index.size !== nodes.size) {
    index = { size: nodes.size, byType: new Map() };
    for (const n of nodes.values()) {
      const list = index.byType.get(n.type);
      if (list) list.push(n);
      else index.byType.set(n.type, [n]);
    }
    byTypeOf.set(nodes, index);
  }
  return index.byType.get(type) ?? [];
}

export function nodesOfType(ctx: PlanContext, type: string): PlanNode[] {
  return ofType(ctx.nodes, type).slice();
}

/** Nodes the configuration still wants (absent in destroy mode). */
export function desiredNodes(ctx: PlanContext, type?: string): PlanNode[] {
  if (type) return ofType(ctx.nodes, type).filter((n) => n.planned);
  return [...ctx.nodes.values()].filter((n) => n.planned);
}
