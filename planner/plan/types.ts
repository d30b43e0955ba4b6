import type { Diagnostic } from '../../core/diagnostic.js';
import type { ResourceChange } from '../resourceChange.js';
import type { StateResource } from '../state/types.js';

export type StepKind = 'create' | 'update' | 'delete';

/** One unit of apply work: a handler call for one instance, with the steps it must wait for. */
export interface PlanStep {
  id: string;
  address: string;
  type: string;
  kind: StepKind;
  /** Ids of steps that must finish first. */
  after: string[];
  /** Hosts this step touches, for per-host parallelism limits. */
  hosts: string[];
  /**
   * One of the two steps of a per-host object's update that both gains and leaves hosts while
   * VMs move from a host it leaves to one it gains (drainBeforeShrink): `reach` takes it from the
   * change's before to `hostIds` (the hosts before and after, everything else as after), before
   * the VMs move; `leave` then takes it from there to the change's after, once they have moved.
   */
  stage?: { role: 'reach' | 'leave'; hostIds: string[] };
}

export interface Plan {
  formatVersion: 1;
  mode: 'normal' | 'destroy' | 'refresh-only';
  /** Every instance in configuration or state, sorted by address; noops included. */
  changes: ResourceChange[];
  /** Dependencies each instance will have in state after apply (resolved instance addresses). */
  dependencies: Record<string, string[]>;
  steps: PlanStep[];
  /**
   * Named joins in the step graph: a step whose `after` names a barrier waits until every step
   * (or barrier) listed for it has finished. They stand for "all instances of a resource".
   */
  barriers: Record<string, string[]>;
  /** The state this plan was made against: applying refuses if it moved on. */
  prior: { lineage: string; serial: number };
  diagnostics: Diagnostic[];
  /** Instances a moved block renamed in the state (nothing changes on their hosts). */
  moved?: Array<{ from: string; to: string }>;
  /** Instances a removed block (destroy = false) drops from the state, leaving them on their hosts. */
  forgotten?: Array<{ address: string; type: string; attributeCount: number }>;
  /** Copies of VMs on hosts the state does not put them on (left by an HA restart): destroyed first. */
  staleCopies?: StaleCopy[];
  /**
   * Objects import blocks take over: recorded in the state as found, before any step runs; `adopt`
   * lists objects made outside nssv whose nssv records are written first (nothing else changes).
   */
  imported?: Array<{ address: string; id: string; resource: StateResource; adopt?: Adoption[] }>;
}

/** An object made outside nssv (virsh, qemu-img, ovs-vsctl) on one host, to receive nssv's record. */
export interface Adoption {
  host: string;
  kind: 'domain' | 'volume' | 'switch';
  name: string;
  /** The volume's pool. */
  pool?: string;
}

/** A domain of a VM on a host other than the VM's own (see engine/plan/staleCopies.ts). */
export interface StaleCopy {
  address: string;
  /** The host that still has the copy, and the domain's name there. */
  host: string;
  domain: string;
  /** The host the VM runs on, as the state records it. */
  runsOn: string;
}

/** Whether applying the plan would do anything (host work, or state updates of a refresh-only plan). */
export function planHasChanges(plan: Plan): boolean {
  return (
    plan.steps.length > 0 ||
    plan.changes.some((c) => c.action !== 'noop') ||
    (plan.moved?.length ?? 0) > 0 ||
    (plan.forgotten?.length ?? 0) > 0 ||
    (plan.staleCopies?.length ?? 0) > 0 ||
    (plan.imported?.length ?? 0) > 0
  );
}
