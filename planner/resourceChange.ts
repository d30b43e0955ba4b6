import type { Action } from './action.js';
import type { Attributes } from '../core/values.js';

/** One resource instance's planned change. `reason` only explains; it never drives behaviour. */
export interface ResourceChange {
  address: string;
  type: string;
  action: Action;
  /** Attributes before (refreshed state); null when the instance does not exist yet. */
  before: Attributes | null;
  /** Planned attributes; null when the instance is deleted. Unknowns are {"$unknown": true}. */
  after: Attributes | null;
  /** Why: e.g. "host: h2 (anti-affinity: web)", "host_id forces replacement", "removed from configuration". */
  reason?: string;
  /**
   * For a migrate: the VM's host before and after, live (running), cold (shut off), or restart
   * (an HA restart off a host that does not answer: the seeds' downtime migration).
   */
  migration?: {
    from: string;
    to: string;
    mode: 'live' | 'cold' | 'restart';
    /**
     * Disks in dir pools the live migration copies to the new host (their volumes move with the
     * VM) and their size: at most that many bytes cross the network for them.
     */
    copyStorage?: { volumes: string[]; bytes: number };
  };
  /** Attribute paths whose change forces the replacement. */
  requiredReplace: string[];
  /** Attribute paths that are sensitive (values are hidden when rendered). */
  sensitivePaths: string[];
  /** For VM updates and replacements: how disruptive the change is to the running guest. */
  disruption?: Disruption;
}

/**
 * live: applied to the running guest (hot-plug, balloon, metadata); reboot: takes effect when the
 * guest boots again (nssv power-cycles it, or — for cloud-init data — the next boot applies it);
 * replace: the VM is destroyed and created again.
 */
export interface Disruption {
  label: 'live' | 'reboot' | 'replace';
  /** Why, in the user's terms: which attributes and what happens to the guest. */
  why: string;
}
