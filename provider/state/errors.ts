import { DiagnosticsError, type Diagnostic } from '../../core/diagnostic.js';
import { describeHolder, type LockInfo } from './lockInfo.js';

function err(code: string, summary: string, detail: string): DiagnosticsError {
  const d: Diagnostic = { severity: 'error', code, summary, detail };
  return new DiagnosticsError([d]);
}

export const stateErrors = {
  locked: (where: string, holder: LockInfo | undefined, release: string): DiagnosticsError =>
    err(
      'NSSV_STATE_LOCKED',
      holder ? `the state is locked by ${describeHolder(holder)}` : `the state is locked (${where})`,
      `Only one apply may run at a time on ${where}. Wait for it to finish; if that process is gone or hung, ${release}.`,
    ),
  notLocked: (where: string, id: string): DiagnosticsError =>
    err(
      'NSSV_STATE_NOT_LOCKED',
      `the state is not locked, so there is no lock ${id} to remove (${where})`,
      'Nothing was changed. Run the command that was refused again.',
    ),
  wrongLockId: (where: string, id: string, holder: LockInfo): DiagnosticsError =>
    err(
      'NSSV_STATE_LOCK_ID_MISMATCH',
      `the state is locked by ${describeHolder(holder)}, not by lock ${id}`,
      holder.id
        ? `Nothing was changed (${where}). To remove that lock, run: nssv force-unlock ${holder.id}`
        : `Nothing was changed (${where}). That lock was written by an older nssv and has no ID: delete the lock file if its process is gone.`,
    ),
  corrupt: (where: string, why: string, hasBackup: boolean, backupHint: string): DiagnosticsError =>
    err(
      'NSSV_STATE_CORRUPT',
      `the state file ${where} cannot be read: ${why}`,
      hasBackup
        ? `Restore it from ${backupHint}, or move it away to start from empty state.`
        : `There is no ${backupHint} to restore. Fix the file, or move it away to start from empty state (nssv will then refuse to take over what exists on the hosts).`,
    ),
  stale: (planSerial: number, stateSerial: number): DiagnosticsError =>
    err(
      'NSSV_PLAN_STALE',
      `the saved plan was made against state serial ${planSerial}, but the state is now at serial ${stateSerial}`,
      'Something was applied since the plan was saved. Run nssv plan again and review the new plan.',
    ),
  backendUnreachable: (where: string, why: string): DiagnosticsError =>
    err(
      'NSSV_BACKEND_UNREACHABLE',
      `cannot connect to the state backend, ${where}: ${why}`,
      'Check conn_str in the backend "pg" block (or PG_CONN_STR), that the server runs and accepts this user. Nothing was read or changed.',
    ),
  backendSetup: (where: string, why: string): DiagnosticsError =>
    err(
      'NSSV_BACKEND_SETUP',
      `cannot prepare the state tables in ${where}: ${why}`,
      'The user needs CREATE on the database (or create the schema and tables beforehand and set skip_schema_creation / skip_table_creation). Nothing was changed.',
    ),
  noSuchVersion: (where: string, serial: number): DiagnosticsError =>
    err(
      'NSSV_STATE_NO_SUCH_VERSION',
      `${where} keeps no state version with serial ${serial}`,
      'See the versions it keeps with: nssv state history',
    ),
};
