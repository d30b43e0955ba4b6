import { Flags } from '@oclif/core';
import { readState } from '../../../engine/usecases/state.js';
import { NssvCommand } from '../../shared/command.js';

export default class StateList extends NssvCommand {
  static override description = 'List the resource instances recorded in the state.';
  static override examples = ['nssv state list', 'nssv state list --config examples/quickstart'];
  static override flags = {
    config: Flags.string({ description: 'Configuration directory (default: the current directory).' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(StateList);
    const state = await readState(this.resolveConfigDir(flags.config));
    for (const r of state.resources) process.stdout.write(`${r.address}\n`);
  }
}
