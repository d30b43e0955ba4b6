/**
 * The CLI's body, bundled by scripts/bundle-cli.mjs into dist/cli/nssv.cjs together with every
 * command (the bundle exports them as COMMANDS, the table oclif's "explicit" command discovery
 * reads) and @oclif/core: one file that bin/nssv.cjs loads through V8's code cache, so start-up
 * costs one parse instead of resolving and compiling hundreds of modules.
 *
 * Terraform-style single-dash long flags (-auto-approve, -detailed-exitcode, -var, -out) are
 * accepted as well as --double-dash ones. Usage errors (unknown command or flag, bad flag value)
 * exit 1 like every other user error: exit code 2 means "changes present" to
 * `nssv plan -detailed-exitcode`.
 */
// oclif's subpath modules, not its index: the root help bundle (dist/cli/help.cjs) then holds and
// evaluates only what running a command line needs, a fifth less (bench/README.md, "start-up").
import { ExitError } from '@oclif/core/errors';
import { flush } from '@oclif/core/flush';
import { run } from '@oclif/core/run';
import { settings } from '@oclif/core/settings';
import { commandNames } from '../shared/commandNames.js';
import { usageError } from '../shared/usageError.js';

/** `-auto-approve` → `--auto-approve`; single-letter flags and values are left alone. */
export function normaliseArgs(argv: readonly string[]): string[] {
  return argv.map((a) => (/^-[a-z][a-z-]+(=.*)?$/s.test(a) ? `-${a}` : a));
}

/** Runs one nssv command line; `root` is the package directory (where package.json is). */
export async function main(argv: readonly string[], root: string): Promise<void> {
  // The bundle is what runs: never look for TypeScript sources to transpile (NODE_ENV=test
  // would otherwise make oclif try to register tsx/ts-node).
  settings.enableAutoTranspile = false;
  const args = normaliseArgs(argv);
  try {
    await run(args, root);
    await flush();
  } catch (e) {
    if (e instanceof ExitError) process.exit(e.oclif.exit);
    process.stderr.write(usageError(e, args, commandNames(root)));
    process.exit(1);
  }
}
