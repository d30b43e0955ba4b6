#!/usr/bin/env node
// nssv command-line entry. Terraform-style single-dash long flags (-auto-approve,
// -detailed-exitcode, -var, -out) are accepted as well as --double-dash ones.
import { execute } from '@oclif/core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/bin/commands', import.meta.url));
if (!existsSync(compiled)) {
  process.stderr.write('nssv is not built yet: run `npm run build` in the nssv repository first.\n');
  process.exit(1);
}
const args = process.argv.slice(2).map((a) => (/^-[a-z][a-z-]+(=.*)?$/s.test(a) ? `-${a}` : a));
await execute({ args, dir: import.meta.url });
