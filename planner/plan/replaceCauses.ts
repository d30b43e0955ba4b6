import { isUnknown, type Attributes, type AttrValue } from '../../core/values.js';

/**
 * Of the force-new paths that differ ("name", "nic[0].mac"), those that cause a replacement. A
 * computed attribute the configuration leaves unset is unknown in the plan when something else of
 * its item changes (nic[0].mac of a NIC put on another port group): a consequence of the
 * replacement, not a cause, so it is not named as one. When only such paths differ, all are kept:
 * the action never changes, only which paths are named.
 */
export function replaceCauses(paths: string[], planned: Attributes, configured: Attributes): string[] {
  if (paths.length === 0) return paths; // most instances of a plan
  const causes = paths.filter(
    (path) => !(isUnknown(valueAt(planned, path)) && unset(valueAt(configured, path))),
  );
  return causes.length === 0 ? paths : causes;
}

const unset = (v: AttrValue | undefined): boolean => v === undefined || v === null;

/** The value at a force-new path ("name", "nic[0].mac"). */
function valueAt(attributes: Attributes, path: string): AttrValue | undefined {
  const item = /^([a-z_0-9]+)\[(\d+)\]\.([a-z_0-9]+)$/.exec(path);
  if (!item) return attributes[path];
  const items = attributes[item[1]!];
  const at = Array.isArray(items) ? items[Number(item[2])] : undefined;
  return at && typeof at === 'object' && !Array.isArray(at) && !isUnknown(at)
    ? (at as Attributes)[item[3]!]
    : undefined;
}
