import { Args } from '@oclif/core';
import { DiagnosticsError } from '../../../core/diagnostic.js';
import { stateStoreOf } from '../../../engine/state/stateStoreOf.js';
import { NssvCommand } from '../../shared/command.js';
import { stateFlags } from '../../shared/flags.js';

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
  static override flags = { ...stateFlags };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(StateRm);
    const store = await stateStoreOf(this.resolveConfigDir(flags.config), this.loadOptions(flags));
    await store.lock('nssv state rm');
    try {
      const state = await store.read();
      const wanted = argv as string[];
      const matches = (address: string, w: string): boolean =>
        address === w || address.replace(/\[[^\]]*\]$/, '') === w;
      const unknown = wanted.filter((w) => !state.resources.some((r) => matches(r.address, w)));
      if (unknown.length > 0) {
        throw new DiagnosticsError([
          {
            severity: 'error',
            code: 'NSSV_STATE_NO_SUCH_RESOURCE',
            summary: `not in the state: ${unknown.join(', ')}`,
            detail: 'Nothing was removed. See what the state holds with: nssv state list',
          },
        ]);
      }
      const removed = state.resources.filter((r) => wanted.some((w) => matches(r.address, w)));
      await store.write({ ...state, resources: state.resources.filter((r) => !removed.includes(r)) });
      for (const r of removed) process.stdout.write(`Removed ${r.address}\n`);
      process.stdout.write(
        `Removed ${removed.length} instance(s) from the state. Their objects on the hosts, if any remain, were not touched.\n`,
      );
    } finally {
      await store.close();
    }
  }
}
