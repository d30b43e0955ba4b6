import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';

export const importErrors = {
  notFound: (to: string, id: string, why: string, range?: SourceRange): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_IMPORT_NOT_FOUND',
    address: to,
    summary: `cannot import ${to} from "${id}": ${why}`,
    detail:
      'Import IDs are the object\'s name ("web1"), or HOST/NAME to look on one host only ("h1/web1"); nssv looks on the hosts the configuration declares (nssv_host resources).',
    ...(range ? { range } : {}),
  }),
  noConfig: (to: string, range?: SourceRange): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_IMPORT_NO_CONFIG',
    address: to,
    summary: `Configuration for import target does not exist: ${to}`,
    detail:
      'The import target must be declared by a resource block, so nssv knows what to keep the object as. Fix: write the resource block, or run nssv plan -generate-config-out=FILE to have it written for you.',
    ...(range ? { range } : {}),
  }),
  wrongType: (to: string, type: string, declared: string, range?: SourceRange): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_IMPORT_NO_CONFIG',
    address: to,
    summary: `cannot import into ${to}: it is declared as a ${declared}, not a ${type}`,
    detail: 'Fix the address in "to".',
    ...(range ? { range } : {}),
  }),
  stateHas: (to: string): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_IMPORT_ALREADY_MANAGED',
    address: to,
    summary: `Resource already managed by nssv: ${to}`,
    detail: `nssv is already managing an object as ${to}. To import to this address, first remove it from the state (nssv state rm ${to}); to manage another object, import it at another address.`,
  }),
  alreadyManaged: (to: string, other: string, range?: SourceRange): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_IMPORT_ALREADY_MANAGED',
    address: to,
    summary: `cannot import into ${to}: the state already manages that object as ${other}`,
    detail: `One object is managed by one address. Fix: remove the import, or move the object with moved { from = ${other}  to = ${to} }.`,
    ...(range ? { range } : {}),
  }),
};
