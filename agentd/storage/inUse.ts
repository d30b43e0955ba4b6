import { errors } from '../errors.js';

/** Refuses to remove a volume that domains still use, naming them and how to proceed. */
export function refuseInUse(pool: string, volume: string, users: readonly string[]): void {
  if (users.length === 0) return;
  throw errors.conflict(
    `volume ${JSON.stringify(volume)} in pool ${JSON.stringify(pool)} is used by domain(s) ${users.join(', ')}; delete or change those domains first`,
  );
}
