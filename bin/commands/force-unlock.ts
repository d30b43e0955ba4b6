import { Args } from '@oclif/core';
import { runForceUnlock } from '../../engine/usecases/backend.js';
import { NssvCommand } from '../shared/command.js';
import { stateFlags } from '../shared/flags.js';

export default class ForceUnlock extends NssvCommand {
  static override description =
    'Remove the state lock with this ID, held by a run that is gone or hung (the ID is in the "state is locked" message).';
  static override examples = ['nssv force-unlock 6f1c2a44-0d5e-4e55-9b1e-3f1f7d0f8a10'];
  static override args = { id: Args.string({ description: 'The lock ID.', required: true }) };
  static override flags = { ...stateFlags };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(ForceUnlock);
    const holder = await runForceUnlock(
      this.resolveConfigDir(flags.config),
      this.loadOptions(flags),
      args.id,
    );
    process.stdout.write(`Removed the lock held by ${holder}. The state is unlocked.\n`);
  }
}
