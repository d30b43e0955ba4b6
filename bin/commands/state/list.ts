import { stateStoreOf } from '../../../engine/state/stateStoreOf.js';
import { NssvCommand } from '../../shared/command.js';
import { stateFlags } from '../../shared/flags.js';

export default class StateList extends NssvCommand {
  static override description = 'List the resource instances recorded in the state.';
  static override examples = ['nssv state list', 'nssv state list --config examples/quickstart'];
  static override flags = { ...stateFlags };

  async run(): Promise<void> {
    const { flags } = await this.parse(StateList);
    const store = await stateStoreOf(this.resolveConfigDir(flags.config), this.loadOptions(flags));
    try {
      const state = await store.read();
      for (const r of state.resources) process.stdout.write(`${r.address}\n`);
    } finally {
      await store.close();
    }
  }
}
