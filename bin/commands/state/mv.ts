import { Args, Flags } from '@oclif/core';
import { DiagnosticsError } from '../../../core/diagnostic.js';
import { stateStoreOf } from '../../../engine/state/stateStoreOf.js';
import { refactorState, under } from '../../../planner/state/refactor.js';
import { NssvCommand } from '../../shared/command.js';
import { stateFlags } from '../../shared/flags.js';

export default class StateMv extends NssvCommand {
  static override description =
    'Rename resources, instances or modules in the state, without touching their hosts (a moved block does the same from the configuration).';
  static override examples = [
    'nssv state mv nssv_vm.frontend nssv_vm.web',
    "nssv state mv 'nssv_vm.web[0]' 'nssv_vm.web[\"a\"]'",
    'nssv state mv module.old module.new',
  ];
  static override args = {
    source: Args.string({ description: 'Address in the state now.', required: true }),
    destination: Args.string({ description: 'Address to move it to.', required: true }),
  };
  static override flags = {
    ...stateFlags,
    'dry-run': Flags.boolean({ description: 'Print what would move; change nothing.', default: false }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(StateMv);
    const { source, destination } = args;
    const store = await stateStoreOf(this.resolveConfigDir(flags.config), this.loadOptions(flags));
    try {
      await store.lock('nssv state mv');
      const state = await store.read();
      const fail = (code: string, summary: string, detail: string): never => {
        throw new DiagnosticsError([{ severity: 'error', code, summary, detail }]);
      };
      if (!state.resources.some((r) => under(r.address, source)))
        fail(
          'NSSV_STATE_NO_SUCH_RESOURCE',
          `not in the state: ${source}`,
          'Nothing was moved. See what the state holds with: nssv state list',
        );
      const out = refactorState(
        state,
        [{ from: source, to: destination, range: { file: '-', line: 0, column: 0 } }],
        [],
        new Set(),
      );
      if (out.diagnostics.length > 0)
        fail(
          'NSSV_STATE_MV_TARGET_EXISTS',
          out.diagnostics[0]!.summary,
          'Nothing was moved. Remove or move the existing one first.',
        );
      for (const m of out.moved)
        process.stdout.write(`${flags['dry-run'] ? 'Would move' : 'Move'} ${m.from} to ${m.to}\n`);
      if (flags['dry-run']) return;
      await store.write(out.state);
      process.stdout.write(
        `Successfully moved ${out.moved.length} object(s). Nothing on the hosts was changed.\n`,
      );
    } finally {
      await store.close();
    }
  }
}
