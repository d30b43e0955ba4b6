import { Args, Flags } from '@oclif/core';
import { removeFromState } from '../../../engine/usecases/state.js';
import { NssvCommand } from '../../shared/command.js';

export default class StateRm extends NssvCommand {
  static override description =
    'Forget resource instances: remove them from the state without touching their hosts (for a host that is gone for good).';
  static override examples = [
    'nssv state rm nssv_vm.web2 nssv_volume.web2_root',
    'nssv state rm nssv_vm.web',
  ];
  static override strict = false;
  static override args = {
    address: Args.string({ description: 'Resource or instance address.', required: true }),
  };
  static override flags = {
    config: Flags.string({ description: 'Configuration directory (default: the current directory).' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(StateRm);
    const removed = await removeFromState(this.resolveConfigDir(flags.config), argv as string[]);
    for (const r of removed) process.stdout.write(`Removed ${r.address}\n`);
    process.stdout.write(
      `Removed ${removed.length} instance(s) from the state. Their objects on the hosts, if any remain, were not touched.\n`,
    );
  }
}
