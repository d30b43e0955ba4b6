/** Host labels (nssv_host.labels) and a VM's selector of them (nssv_vm.host_labels). */
export type Labels = Readonly<Record<string, string>>;

/** The string entries of an attribute value that should be a map of strings (others dropped). */
export function stringMap(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/**
 * Why a host with `have` does not match the selector `want` (every pair must be there), naming
 * the first missing pair in key order, or undefined when it matches.
 */
export function labelMismatch(want: Labels, have: Labels = {}): string | undefined {
  for (const key of Object.keys(want).sort()) {
    const value = want[key]!;
    if (have[key] === value) continue;
    return have[key] === undefined
      ? `has no label ${key} (needs ${key}=${value})`
      : `has label ${key}=${have[key]}, needs ${key}=${value}`;
  }
  return undefined;
}
