import type { Diagnostic } from '../../core/diagnostic.js';
import { DiagnosticsError } from '../../core/diagnostic.js';

function err(code: string, summary: string, detail: string): DiagnosticsError {
  const d: Diagnostic = { severity: 'error', code, summary, detail };
  return new DiagnosticsError([d]);
}

export const cliErrors = {
  approvalRequired: (command: string, why: string): DiagnosticsError =>
    err(
      'NSSV_APPROVAL_REQUIRED',
      `nssv ${command} needs approval, and ${why}, so nssv will not ask`,
      `Review the plan above, then run: nssv ${command} -auto-approve`,
    ),
  notApproved: (command: string): DiagnosticsError =>
    err('NSSV_NOT_APPROVED', `${command} cancelled`, 'Only "yes" approves. Nothing was changed.'),
  badVar: (given: string): DiagnosticsError =>
    err(
      'NSSV_CLI_BAD_VAR',
      `-var "${given}" is not NAME=VALUE`,
      'Fix: pass variables as -var NAME=VALUE, e.g. -var vm_count=3.',
    ),
  configDirIsFile: (path: string): DiagnosticsError =>
    err(
      'NSSV_CONFIG_DIR_IS_FILE',
      `--config ${path} is a file, not a directory`,
      'Fix: pass the directory that holds your .tf files (nssv reads every *.tf and *.tf.json in it).',
    ),
  configDirMissing: (dir: string): DiagnosticsError =>
    err(
      'NSSV_CONFIG_DIR_MISSING',
      `configuration directory ${dir} does not exist`,
      'Fix: run nssv in a directory with .tf files, or pass --config DIR.',
    ),
};
