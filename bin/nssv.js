#!/usr/bin/env node
// nssv command-line entry. Terraform-style single-dash long flags (-auto-approve,
// -detailed-exitcode, -var, -out) are accepted as well as --double-dash ones.
// Usage errors (unknown command or flag, bad flag value) exit 1 like every other user error:
// exit code 2 means "changes present" to `nssv plan -detailed-exitcode`.
import { Errors, flush, run } from '@oclif/core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { usageError } from '../dist/bin/shared/usageError.js';

const compiled = fileURLToPath(new URL('../dist/bin/commands', import.meta.url));
if (!existsSync(compiled)) {
  process.stderr.write('nssv is not built yet: run `npm run build` in the nssv repository first.\n');
  process.exit(1);
}
const args = process.argv.slice(2).map((a) => (/^-[a-z][a-z-]+(=.*)?$/s.test(a) ? `-${a}` : a));
try {
  await run(args, import.meta.url);
  await flush();
} catch (e) {
  if (e instanceof Errors.ExitError) process.exit(e.oclif.exit);
  process.stderr.write(usageError(e, args));
  process.exit(1);
}
