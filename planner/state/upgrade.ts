import type { Attributes } from '../../core/values.js';
import type { State } from './types.js';

/**
 * The format version nssv writes. 1: nssv_vm and nssv_image defaulted to delete_policy =
 * "immediate". 2: they default to "delayed", as in the seeds (volumes always did).
 */
export const STATE_VERSION = 2;

/** The types whose delete_policy default became "delayed" in state version 2. */
const DELAYED_SINCE_2 = new Set(['nssv_vm', 'nssv_image']);

/**
 * One instance's attributes recorded under format 1, as format 2 reads them: a recorded
 * delete_policy = "immediate" of a VM or an image becomes "delayed". Format 1 cannot tell the old
 * default from a value the configuration set, so the old default is taken: an unchanged
 * configuration that never set delete_policy plans "No changes." and gets the new default; one
 * that set "immediate" explicitly plans a single in-place change back to it, which touches no host.
 */
export function delayedByDefault(type: string, attributes: Attributes): Attributes {
  if (!DELAYED_SINCE_2.has(type) || attributes.delete_policy !== 'immediate') return attributes;
  return { ...attributes, delete_policy: 'delayed' };
}

/** A state read from storage, in the format this nssv writes (older formats upgraded step by step). */
export function upgradeState(state: State): State {
  if (state.version >= STATE_VERSION) return state;
  return {
    ...state,
    version: STATE_VERSION,
    resources: state.resources.map((r) => ({ ...r, attributes: delayedByDefault(r.type, r.attributes) })),
  };
}
