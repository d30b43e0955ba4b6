import { Args } from '@oclif/core';
import { DiagnosticsError } from '../../../core/diagnostic.js';
import { stateStoreOf } from '../../../engine/state/stateStoreOf.js';
import { renderStateResource } from '../../../planner/render/stateShow.js';
import { NssvCommand } from '../../shared/command.js';
import { stateFlags } from '../../shared/flags.js';

export default class StateShow extends NssvCommand {
  static override description =
    'Show the attributes the state records for one resource instance (sensitive values hidden).';
  static override examples = ['nssv state show nssv_vm.web1', 'nssv state show \'nssv_vm.db["a"]\''];
  static override args = { address: Args.string({ description: 'Instance address.', required: true }) };
  static override flags = { ...stateFlags };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(StateShow);
    const store = await stateStoreOf(this.resolveConfigDir(flags.config), this.loadOptions(flags));
    const state = await store.read().finally(() => store.close());
    const r = state.resources.find((x) => x.address === args.address);
    if (!r) {
      const sameResource = state.resources.filter((x) => x.address.startsWith(args.address + '['));
      throw new DiagnosticsError([
        {
          severity: 'error',
          code: 'NSSV_STATE_NO_SUCH_RESOURCE',
          summary: `not in the state: ${args.address}`,
          detail: sameResource.length
            ? `Give one instance: ${sameResource.map((x) => x.address).join(', ')}.`
            : 'See what the state holds with: nssv state list',
        },
      ]);
    }
    process.stdout.write(renderStateResource(r));
  }
}
