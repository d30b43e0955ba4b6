import { loadConfig } from '../files/loadConfig.js';
import type { LoadOptions } from '../../planner/config/types.js';
import type { State } from '../../planner/state/types.js';
import type { Attributes } from '../../core/values.js';

/** Applied attributes by instance address, for references that need computed values. */
export function knownFromState(state: State): Map<string, Attributes> {
  return new Map(state.resources.map((r) => [r.address, r.attributes]));
}

/** The root outputs evaluated against what the last apply recorded (uuids, placements, MACs…). */
export async function outputsAfterApply(
  configDir: string,
  load: LoadOptions,
  state: State,
): Promise<NonNullable<State['outputs']>> {
  const config = await loadConfig(configDir, { ...load, known: knownFromState(state) });
  return Object.fromEntries(config.outputs.map((o) => [o.name, { value: o.value, sensitive: o.sensitive }]));
}
