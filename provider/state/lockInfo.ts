/** What the lock file records about the process holding the state. */
export interface LockInfo {
  pid: number;
  host: string;
  operation: string;
  startedAt: string;
}
