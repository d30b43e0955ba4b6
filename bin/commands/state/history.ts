import { stateStoreOf } from '../../../engine/state/stateStoreOf.js';
import { NssvCommand } from '../../shared/command.js';
import { stateFlags } from '../../shared/flags.js';
import { Flags } from '@oclif/core';

export default class StateHistory extends NssvCommand {
  static override description =
    'List the state versions the backend keeps, newest first (PostgreSQL keeps every version; the local file keeps the previous one as .backup).';
  static override examples = ['nssv state history', 'nssv state history --json'];
  static override flags = {
    ...stateFlags,
    json: Flags.boolean({ description: 'Machine-readable JSON on stdout.', default: false }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(StateHistory);
    const store = await stateStoreOf(this.resolveConfigDir(flags.config), this.loadOptions(flags));
    try {
      const versions = await store.history();
      if (flags.json) {
        process.stdout.write(JSON.stringify(versions, null, 2) + '\n');
        return;
      }
      if (versions.length === 0) process.stderr.write(`No state versions in ${store.where}.\n`);
      for (const v of versions)
        process.stdout.write(
          `${String(v.serial).padStart(6)}  ${v.createdAt}  ${v.lineage}${v.createdBy ? `  ${v.createdBy}` : ''}${v.current ? '  (current)' : ''}\n`,
        );
    } finally {
      await store.close();
    }
  }
}
