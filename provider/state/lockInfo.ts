import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';

/** Who holds a state lock, as Terraform records it: an ID for force-unlock, the operation, who and since when. */
export interface LockInfo {
  id: string;
  operation: string;
  /** user@host */
  who: string;
  pid: number;
  host: string;
  startedAt: string;
}

export function newLockInfo(operation: string): LockInfo {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry for this uid
  }
  return {
    id: randomUUID(),
    operation,
    who: `${user}@${hostname()}`,
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
  };
}

/** "nssv apply (pid 42 on h1, since …; lock ID …)"; lock files of older nssv versions have no ID. */
export function describeHolder(h: LockInfo): string {
  return `${h.operation} (pid ${h.pid} on ${h.host}, since ${h.startedAt}${h.id ? `; lock ID ${h.id}` : ''})`;
}
