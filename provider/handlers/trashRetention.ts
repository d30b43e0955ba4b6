import type { NssvVolumePlanned } from '../../schemas/generated/types.js';

/** How long a volume deleted with delete_policy = "delayed" stays restorable in the trash. */
export const DELAYED_RETENTION_HOURS = 7 * 24;
/**
 * A volume deleted with "immediate" waits in the trash only until its apply succeeds (then it is
 * purged); should the apply's process die before that, the agent purges it after a day anyway.
 */
export const IMMEDIATE_SAFETY_HOURS = 24;

/** When the agent may purge a volume deleted now under this policy (RFC 3339). */
export function expiresAt(policy: NssvVolumePlanned['delete_policy'], now: Date = new Date()): string {
  const hours = policy === 'immediate' ? IMMEDIATE_SAFETY_HOURS : DELAYED_RETENTION_HOURS;
  return new Date(now.getTime() + hours * 3600_000).toISOString();
}
