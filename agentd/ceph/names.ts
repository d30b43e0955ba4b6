/**
 * Names of the Ceph objects behind an nssv rbd pool. nssv names are [a-z0-9-], so the `.`
 * separators keep two nssv pools from ever sharing a Ceph name ("a-data" vs "a"'s data pool).
 *   nssv.<pool>        the pool RBD images live in (replicated; for EC: the metadata pool)
 *   nssv.<pool>.data   the erasure-coded data pool (EC only; images are made with --data-pool)
 *   nssv.<pool>        the CRUSH rule of the replicated pool, and the EC profile
 *   nssv.<pool>.data   the CRUSH rule Ceph makes for the EC data pool
 */
export const cephPoolName = (pool: string): string => `nssv.${pool}`;
export const cephDataPoolName = (pool: string): string => `nssv.${pool}.data`;
export const cephRuleName = (pool: string): string => `nssv.${pool}`;
export const ecProfileName = (pool: string): string => `nssv.${pool}`;

/** The nssv pool a Ceph pool name belongs to (the main pool only), or undefined. */
export function nssvPoolOf(cephPool: string): string | undefined {
  const m = /^nssv\.([a-z][a-z0-9-]{0,62})$/.exec(cephPool);
  return m ? m[1] : undefined;
}

/** Keys nssv keeps in the main pool's rbd application metadata. */
export const META = { address: 'nssv.address', thin: 'nssv.thin', volumePrefix: 'nssv.volume.' } as const;
