import { readFile } from 'node:fs/promises';
import { Args, Flags } from '@oclif/core';
import { DiagnosticsError } from '../../../core/diagnostic.js';
import { runStatePush } from '../../../engine/usecases/backend.js';
import { NssvCommand } from '../../shared/command.js';
import { stateFlags } from '../../shared/flags.js';

export default class StatePush extends NssvCommand {
  static override description =
    'Replace the state with a file written by nssv state pull (same lineage, not older; -force skips the checks). The backend encrypts it if the configuration says so.';
  static override examples = ['nssv state push backup.tfstate', 'nssv state push -force other.tfstate'];
  static override args = { path: Args.string({ description: 'The state file.', required: true }) };
  static override flags = {
    ...stateFlags,
    force: Flags.boolean({
      description: 'Write it even if it is of another lineage or older.',
      default: false,
    }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(StatePush);
    let text: string;
    try {
      text = await readFile(args.path, 'utf8');
    } catch (e) {
      throw new DiagnosticsError([
        {
          severity: 'error',
          code: 'NSSV_STATE_PUSH_INVALID',
          summary: `cannot read ${args.path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
          detail: 'Give the path of a state written by nssv state pull.',
        },
      ]);
    }
    const { where, state } = await runStatePush(
      this.resolveConfigDir(flags.config),
      this.loadOptions(flags),
      text,
      args.path,
      flags.force,
    );
    process.stdout.write(`The state in ${where} is now serial ${state.serial} (lineage ${state.lineage}).\n`);
  }
}
