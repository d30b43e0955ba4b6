import { renderPlanText } from '../../planner/render/planText.js';
import { runApply } from '../../engine/usecases/apply.js';
import type { ApplyUi } from '../../engine/usecases/applyFlow.js';
import { runDestroy } from '../../engine/usecases/destroy.js';
import { runRefresh } from '../../engine/usecases/refresh.js';
import { printApplyOutcome } from './applyOutcome.js';
import { NssvCommand } from './command.js';
import { confirm } from './confirm.js';
import { applyFlags, configFlags, selectionFlags } from './flags.js';
import { progressLine } from './progress.js';

/** apply and destroy: the same plan → confirm → apply path, in normal, refresh-only or destroy mode. */
export abstract class ApplyCommand extends NssvCommand {
  static override flags = { ...configFlags, ...selectionFlags, ...applyFlags };

  protected abstract readonly verb: 'apply' | 'destroy';

  async run(): Promise<void> {
    const { flags, args } = await this.parse(this.constructor as typeof ApplyCommand);
    const planFile = (args as { planfile?: string }).planfile;
    const json = flags.json;
    const ui: ApplyUi = {
      planned: (plan, warnings) => {
        this.printDiagnostics(warnings);
        if (!json) process.stdout.write(renderPlanText(plan));
      },
      confirm: () =>
        confirm(
          this.verb,
          this.verb === 'destroy'
            ? '\nDo you really want to destroy all resources?'
            : '\nDo you want to perform these actions?',
        ),
      applying: () => {
        if (!json) process.stderr.write('\n');
      },
      onEvent: (e) => process.stderr.write(progressLine(e) + '\n'),
    };
    const req = {
      configDir: this.resolveConfigDir(flags.config),
      load: this.loadOptions(flags),
      ...(planFile ? { planFile } : {}),
      targets: flags.target,
      replace: flags.replace,
      excludes: flags.exclude,
      refresh: flags.refresh !== 'false',
      autoApprove: flags['auto-approve'],
      parallelism: flags.parallelism,
      perHostParallelism: flags['per-host-parallelism'],
      onFailure: flags['on-failure'] as 'rollback' | 'stop',
    };
    const useCase = this.verb === 'destroy' ? runDestroy : flags['refresh-only'] ? runRefresh : runApply;
    const code = printApplyOutcome(await useCase(req, ui), this.verb, json);
    if (code !== 0) this.exit(code);
  }
}
