import { DiagnosticsError } from '../../../core/diagnostic.js';

function err(code: string, summary: string, detail: string): DiagnosticsError {
  return new DiagnosticsError([{ severity: 'error', code, summary, detail }]);
}

export const encryptionErrors = {
  decryptFailed: (what: string, where: string, tried: string[]): DiagnosticsError =>
    err(
      'NSSV_STATE_DECRYPT_FAILED',
      `the ${what} ${where} cannot be decrypted with ${tried.map((m) => `method.${m}`).join(' or ')}: wrong passphrase or key`,
      `Nothing was read or changed. Fix: give the passphrase the ${what} was encrypted with; after a key change keep the old key as the fallback (state { method = method.aes_gcm.NEW  fallback { method = method.aes_gcm.OLD } }).`,
    ),
  encryptedWithoutKey: (what: string, where: string): DiagnosticsError =>
    err(
      'NSSV_STATE_ENCRYPTED',
      `the ${what} ${where} is encrypted, but the configuration has no ${what === 'plan file' ? 'plan' : 'state'} encryption to read it with`,
      'Nothing was read or changed. Fix: add the terraform { encryption { … } } block it was written with.',
    ),
  notEncrypted: (what: string, where: string): DiagnosticsError =>
    err(
      'NSSV_STATE_NOT_ENCRYPTED',
      `the ${what} ${where} is not encrypted, but the configuration requires it to be`,
      `Nothing was read or changed. To encrypt an existing ${what}, declare method "unencrypted" "migrate" {} and add fallback { method = method.unencrypted.migrate } to the ${what === 'plan file' ? 'plan' : 'state'} block for one apply; then remove the fallback.`,
    ),
  badEnvelope: (what: string, where: string, why: string): DiagnosticsError =>
    err(
      'NSSV_STATE_CORRUPT',
      `the ${what} ${where} cannot be read: its encryption envelope ${why}`,
      'Restore it from a backup (nssv state history lists the versions a PostgreSQL backend keeps).',
    ),
};
