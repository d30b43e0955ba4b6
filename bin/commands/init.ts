import { Flags } from '@oclif/core';
import { initBackend } from '../../provider/state/migrate.js';
import { describeBackend } from '../../provider/state/open.js';
import { stateSettingsOf } from '../../engine/state/stateStoreOf.js';
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
    const configDir = this.resolveConfigDir(flags.config);
    const settings = await stateSettingsOf(configDir, this.loadOptions(flags));
    const r = await initBackend(configDir, settings, {
      migrateState: flags['migrate-state'],
      reconfigure: flags.reconfigure,
      forceCopy: flags['force-copy'],
    });
    if (r.kind === 'migrated') {
      process.stdout.write(
        r.state
          ? `Copied the state (serial ${r.state.serial}, lineage ${r.state.lineage}, ${r.state.resources.length} instance(s)) from ${describeBackend(r.from)} to ${describeBackend(r.to)}.\n` +
              `The copy in ${describeBackend(r.from)} was left as it was; nssv no longer reads it.\n`
          : `${describeBackend(r.from)} held no state: nothing to copy.\n`,
      );
    } else if (r.kind === 'reconfigured') {
      process.stdout.write(
        `Now using ${describeBackend(r.to)}; the state in ${describeBackend(r.from)} was left as it was.\n`,
      );
    }
    process.stdout.write(
      `nssv has been successfully initialized: state in ${describeBackend(settings.backend)}.\n`,
    );
  }
}
