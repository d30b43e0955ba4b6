/**
 * The trash entries still kept, in order: each one past its expiresAt is purged with `purge` as the
 * trash is listed (an agent has no timer: an expired entry goes the next time anyone lists the
 * trash). Shared by the host's trashes of volumes, images and VMs.
 */
export async function keepUnexpired<E extends { expiresAt: string | null }>(
  entries: readonly E[],
  now: Date,
  purge: (entry: E) => Promise<unknown>,
): Promise<E[]> {
  const kept: E[] = [];
  for (const e of entries) {
    if (e.expiresAt !== null && Date.parse(e.expiresAt) <= now.getTime()) await purge(e);
    else kept.push(e);
  }
  return kept;
}
