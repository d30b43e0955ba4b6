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
  /** For a migrate: the VM's host before and after, live (running) or cold (shut off). */
  migration?: { from: string; to: string; mode: 'live' | 'cold' };
  /** Attribute paths whose change forces the replacement. */
  requiredReplace: string[];
  /** Attribute paths that are sensitive (values are hidden when rendered). */
  sensitivePaths: string[];
}
