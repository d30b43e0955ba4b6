import type { State } from '../../planner/state/types.js';
import { STATE_VERSION } from '../../planner/state/upgrade.js';
import { findResourceSchema } from '../../schemas/registry.js';

/** What is wrong with a parsed state file, in words; undefined when it is well-formed. */
export function stateProblem(s: unknown): string | undefined {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return 'it is not a JSON object';
  const st = s as Partial<State>;
  if (typeof st.version === 'number' && st.version > STATE_VERSION) {
    return `it has format version ${st.version}, written by a newer nssv (this one reads versions 1 to ${STATE_VERSION}); upgrade nssv`;
  }
  if (st.version !== 1 && st.version !== 2)
    return `"version" is ${JSON.stringify(st.version)}, expected 1 or ${STATE_VERSION}`;
  if (typeof st.serial !== 'number' || typeof st.lineage !== 'string')
    return '"serial" or "lineage" is missing';
  if (!Array.isArray(st.resources)) return '"resources" is not a list';
  const resources = st.resources;
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    // spelled out only for a message (21,005 resources are read on every plan)
    const where = (): string => `resources[${i}]`;
    if (typeof r !== 'object' || r === null) return `${where()} is not an object`;
    if (typeof r.address !== 'string') return `${where()} has no "address"`;
    if (typeof r.type !== 'string') return `${where()} (${r.address}) has no "type"`;
    if (!findResourceSchema(r.type))
      return `${where()} (${r.address}) has type "${r.type}", which this nssv does not know`;
    if (typeof r.attributes !== 'object' || r.attributes === null)
      return `${where()} (${r.address}) has no "attributes" object`;
    if (!Array.isArray(r.dependencies) || !Array.isArray(r.sensitivePaths)) {
      return `${where()} (${r.address}) lacks "dependencies" or "sensitivePaths" lists`;
    }
  }
  return undefined;
}
