import type { ResourceChange } from '../../planner/resourceChange.js';
import type { State, StateResource } from '../../planner/state/types.js';
import type { Attributes } from '../../core/values.js';

/** One instance's new record in the state, or its removal (resource null). */
export interface InstanceChange {
  address: string;
  resource: StateResource | null;
}

/** The change that sets one instance to `attributes`, or removes it when null. */
export function instanceChange(
  change: ResourceChange,
  attributes: Attributes | null,
  dependencies: string[],
): InstanceChange {
  if (!attributes) return { address: change.address, resource: null };
  return {
    address: change.address,
    resource: {
      address: change.address,
      type: change.type,
      attributes,
      dependencies,
      sensitivePaths: change.sensitivePaths,
    },
  };
}

/** The state with the changes applied in order, resources sorted by address. */
export function withChanges(state: State, changes: readonly InstanceChange[]): State {
  if (changes.length === 0) return state;
  const byAddress = new Map(state.resources.map((r) => [r.address, r]));
  for (const c of changes) {
    if (c.resource) byAddress.set(c.address, c.resource);
    else byAddress.delete(c.address);
  }
  return { ...state, resources: sortedResources(byAddress) };
}

export function sortedResources(byAddress: ReadonlyMap<string, StateResource>): StateResource[] {
  return [...byAddress.values()].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}
