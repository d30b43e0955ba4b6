import { DiagnosticsError } from '../../core/diagnostic.js';
import type { LockInfo } from './lockInfo.js';

export const stateErrors = {
  locked: (lockPath: string, holder: LockInfo | undefined): DiagnosticsError =>
    new DiagnosticsError([
      {
        severity: 'error',
        code: 'NSSV_STATE_LOCKED',
        summary: holder
          ? `the state is locked by ${holder.operation} (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt})`
          : `the state is locked (${lockPath})`,
        detail: `Only one apply may run at a time. Wait for it to finish; if that process is gone, delete ${lockPath}.`,
      },
    ]),
  corrupt: (path: string, why: string, hasBackup: boolean): DiagnosticsError =>
    new DiagnosticsError([
      {
        severity: 'error',
        code: 'NSSV_STATE_CORRUPT',
        summary: `the state file ${path} cannot be read: ${why}`,
        detail: hasBackup
          ? `Restore it from ${path}.backup, or move it away to start from empty state.`
          : `There is no ${path}.backup to restore. Fix the file, or move it away to start from empty state (nssv will then refuse to take over what exists on the hosts).`,
      },
    ]),
  stale: (planSerial: number, stateSerial: number): DiagnosticsError =>
    new DiagnosticsError([
      {
        severity: 'error',
        code: 'NSSV_PLAN_STALE',
        summary: `the saved plan was made against state serial ${planSerial}, but the state is now at serial ${stateSerial}`,
        detail:
          'Something was applied since the plan was saved. Run nssv plan again and review the new plan.',
      },
    ]),
};
