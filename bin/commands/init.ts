import { Flags } from '@oclif/core';
import { runInit } from '../../engine/usecases/backend.js';
import { NssvCommand } from '../shared/command.js';
import { stateFlags } from '../shared/flags.js';

export default class Init extends NssvCommand {
  static override description =
    'Set up the state backend of the configuration (backend "pg": schema and tables); with -migrate-state, copy the state from the previous backend.';
  static override examples = ['nssv init', 'nssv init -migrate-state', 'nssv init -reconfigure'];
  static override flags = {
    ...stateFlags,
    'migrate-state': Flags.boolean({
      description: 'The backend changed: copy the state from the previous one (same serial and lineage).',
      default: false,
      exclusive: ['reconfigure'],
    }),
    reconfigure: Flags.boolean({
      description: 'The backend changed: use the new one as it is; the old state stays where it was.',
      default: false,
    }),
    'force-copy': Flags.boolean({
      description: 'With -migrate-state: replace a state of another history in the new backend.',
      default: false,
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Init);
    const lines = await runInit(this.resolveConfigDir(flags.config), this.loadOptions(flags), {
      migrateState: flags['migrate-state'],
      reconfigure: flags.reconfigure,
      forceCopy: flags['force-copy'],
    });
    for (const line of lines) process.stdout.write(`${line}\n`);
  }
}
