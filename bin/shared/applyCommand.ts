import { DiagnosticsError } from '../../core/diagnostic.js';
import { renderPlanText } from '../../planner/render/planText.js';
import { runApply } from '../../engine/usecases/apply.js';
import type { ApplyUi } from '../../engine/usecases/applyFlow.js';
import { runDestroy } from '../../engine/usecases/destroy.js';
import { runRefresh } from '../../engine/usecases/refresh.js';
import { printApplyOutcome } from './applyOutcome.js';
import { NssvCommand } from './command.js';
import { confirm } from './confirm.js';
import { applyFlags, configFlags, selectionFlags } from './flags.js';
import { applyJsonLines } from './progress/applyJson.js';
import { chooseProgressView } from './progress/choose.js';
import { JsonView } from './progress/jsonView.js';

/** apply and destroy: the same plan → confirm → apply path, in normal, refresh-only or destroy mode. */
export abstract class ApplyCommand extends NssvCommand {
  static override flags = { ...configFlags, ...selectionFlags, ...applyFlags };

  protected abstract readonly verb: 'apply' | 'destroy';

  async run(): Promise<void> {
    const { flags, args } = await this.parse(this.constructor as typeof ApplyCommand);
    const planFile = (args as { planfile?: string }).planfile;
    const json = flags.json;
    const view = chooseProgressView(json);
    const jsonView = view instanceof JsonView ? view : undefined;
    jsonView?.emit(jsonView.ui.version(this.config.version));
    const ui: ApplyUi = {
      planned: (plan, warnings) => {
        if (jsonView) return applyJsonLines.planned(jsonView, plan, warnings);
        this.printDiagnostics(warnings);
        process.stdout.write(renderPlanText(plan));
      },
      confirm: () =>
        confirm(
          this.verb,
          this.verb === 'destroy'
            ? '\nDo you really want to destroy all resources?'
            : '\nDo you want to perform these actions?',
        ),
      applying: (plan) => {
        if (!json) process.stderr.write('\n');
        view.start(plan);
      },
      onEvent: (e) => view.event(e),
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
    let outcome;
    try {
      outcome = await useCase(req, ui);
    } catch (e) {
      view.stop();
      if (jsonView && e instanceof DiagnosticsError) {
        for (const d of e.diagnostics) jsonView.emit(jsonView.ui.diagnostic(d));
        this.exit(1);
      }
      throw e;
    }
    view.stop();
    const code = jsonView
      ? applyJsonLines.outcome(jsonView, outcome, this.verb)
      : printApplyOutcome(outcome, this.verb);
    if (code !== 0) this.exit(code);
  }
}
