import { Command } from '@oclif/core';
import { downText, errorText } from '../../../sandbox/cli.js';
import { sandboxFlags } from '../../../sandbox/cliFlags.js';
import { sandboxDown } from '../../../sandbox/down.js';
import { isSandboxError } from '../../../sandbox/errors.js';

export default class SandboxDown extends Command {
  static override description =
    'Stop exactly what `nssv sandbox up` started (by pid, guests included), delete its namespaces and remove its files. Harmless when nothing is up.';
  static override examples = ['nssv sandbox down'];
  static override flags = { root: sandboxFlags.root, json: sandboxFlags.json };

  async run(): Promise<void> {
    const { flags } = await this.parse(SandboxDown);
    const result = await sandboxDown({
      root: flags.root,
      progress: (msg) => process.stderr.write(`${msg}\n`),
    });
    process.stdout.write(flags.json ? JSON.stringify(result, null, 2) + '\n' : downText(result));
  }

  protected override async catch(err: Error & { oclif?: unknown }): Promise<unknown> {
    if (!isSandboxError(err)) return super.catch(err);
    process.stderr.write(errorText(err));
    return this.exit(1);
  }
}
