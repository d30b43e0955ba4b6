import { Flags } from '@oclif/core';
import { stateStoreOf } from '../../../engine/state/stateStoreOf.js';
import { NssvCommand } from '../../shared/command.js';
import { stateFlags } from '../../shared/flags.js';

export default class StatePull extends NssvCommand {
  static override description =
    'Print the state as JSON (decrypted; it holds sensitive values such as host tokens). With -serial, an older version from nssv state history.';
  static override examples = ['nssv state pull > backup.tfstate', 'nssv state pull -serial 12'];
  static override flags = {
    ...stateFlags,
    serial: Flags.integer({ description: 'Print this version instead of the current one.', min: 0 }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(StatePull);
    const store = await stateStoreOf(this.resolveConfigDir(flags.config), this.loadOptions(flags));
    try {
      const state = flags.serial !== undefined ? await store.readVersion(flags.serial) : await store.read();
      process.stdout.write(JSON.stringify(state, null, 2) + '\n');
    } finally {
      await store.close();
    }
  }
}
