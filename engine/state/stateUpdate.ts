import type { ResourceChange } from '../../planner/resourceChange.js';
import type { State, StateResource } from '../../planner/state/types.js';
import type { Attributes } from '../../core/values.js';

/** The state with one instance set to `attributes`, or removed when null. */
export function withInstance(
  state: State,
  change: ResourceChange,
  attributes: Attributes | null,
  dependencies: string[],
): State {
  const resources = state.resources.filter((r) => r.address !== change.address);
  if (attributes) {
    const r: StateResource = {
      address: change.address,
      type: change.type,
      attributes,
      dependencies,
      sensitivePaths: change.sensitivePaths,
    };
    resources.push(r);
    resources.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  }
  return { ...state, resources };
}
