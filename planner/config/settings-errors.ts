import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';

function d(code: string, range: SourceRange | undefined, summary: string, detail: string): Diagnostic {
  return { severity: 'error', code, summary, detail, ...(range ? { range } : {}) };
}

/** Diagnostics of terraform { backend … } and terraform { encryption … }. */
export const settingsErrors = {
  notLiteral: (range: SourceRange, block: string, name: string, want: string): Diagnostic =>
    d(
      'NSSV_CONFIG_INVALID_ARGUMENT',
      range,
      `Invalid value for "${name}" in the ${block} block`,
      `"${name}" must be ${want}. A backend block cannot refer to variables or other values (as in Terraform); for secrets in conn_str use the PG_CONN_STR environment variable.`,
    ),
  pgNoConnStr: (range: SourceRange): Diagnostic =>
    d(
      'NSSV_BACKEND_NO_CONN_STR',
      range,
      'the "pg" backend has no connection string',
      'Set conn_str = "postgres://USER@HOST/DB" in the backend block, or the PG_CONN_STR environment variable.',
    ),
  badValue: (range: SourceRange, what: string, given: string, allowed: string): Diagnostic =>
    d('NSSV_ENCRYPTION_INVALID', range, `Invalid ${what}: ${given}`, `Allowed: ${allowed}.`),
  unknownRef: (range: SourceRange, kind: string, ref: string, declared: string[]): Diagnostic =>
    d(
      'NSSV_ENCRYPTION_UNDECLARED',
      range,
      `Reference to undeclared ${kind} ${ref}`,
      declared.length
        ? `Declared: ${declared.join(', ')}. Fix: refer to one of them, or declare it in the encryption block.`
        : `The encryption block declares no ${kind}. Fix: declare it, like ${kind === 'key provider' ? 'key_provider "pbkdf2" "NAME" { passphrase = var.passphrase }' : 'method "aes_gcm" "NAME" { keys = key_provider.pbkdf2.NAME }'}.`,
    ),
  unsupported: (range: SourceRange, kind: string, type: string, allowed: string[]): Diagnostic =>
    d(
      'NSSV_NOT_SUPPORTED_YET',
      range,
      `the ${kind} ${JSON.stringify(type)} is not supported`,
      `Supported: ${allowed.join(', ')}. nssv refuses it rather than write state it could not read back.`,
    ),
  enforcedUnencrypted: (range: SourceRange, which: string): Diagnostic =>
    d(
      'NSSV_ENCRYPTION_INVALID',
      range,
      `the ${which} block is enforced but its method is unencrypted`,
      `Fix: set method = method.aes_gcm.NAME, or remove enforced = true.`,
    ),
};
