import { Flags } from '@oclif/core';
import { planHasChanges } from '../../planner/plan/types.js';
import { planJson } from '../../planner/render/planJson.js';
import { renderPlanText } from '../../planner/render/planText.js';
import { runPlan } from '../../engine/usecases/plan.js';
import { NssvCommand } from '../shared/command.js';
import { configFlags, selectionFlags } from '../shared/flags.js';

export default class Plan extends NssvCommand {
  static override description = 'Show what apply would change, without changing anything.';
  static override examples = ['nssv plan', 'nssv plan -detailed-exitcode', 'nssv plan --json'];
  static override flags = {
    ...configFlags,
    ...selectionFlags,
    out: Flags.string({ description: 'Save the plan to FILE; nssv apply FILE applies exactly it.' }),
    'detailed-exitcode': Flags.boolean({
      description: 'Exit 0 when there are no changes, 1 on error, 2 when there are changes.',
      default: false,
    }),
    'generate-config-out': Flags.string({
      description:
        'Write resource blocks for import blocks whose target has no configuration to FILE (in the configuration directory; it must not exist yet), then plan with them.',
    }),
    destroy: Flags.boolean({ description: 'Plan to destroy everything in state.', default: false }),
    'refresh-only': Flags.boolean({
      description:
        'Only show what changed on the hosts outside nssv (applying such a plan updates the state).',
      default: false,
      exclusive: ['destroy'],
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Plan);
    const configDir = this.resolveConfigDir(flags.config);
    const { plan, warnings, generated } = await runPlan({
      configDir,
      mode: flags.destroy ? 'destroy' : flags['refresh-only'] ? 'refresh-only' : 'normal',
      load: this.loadOptions(flags),
      targets: flags.target,
      replace: flags.replace,
      excludes: flags.exclude,
      refresh: flags.refresh !== 'false',
      ...(flags.out ? { out: flags.out } : {}),
      ...(flags['generate-config-out'] ? { generateConfigOut: flags['generate-config-out'] } : {}),
    });
    this.printDiagnostics(warnings);
    if (generated && !flags.json)
      process.stderr.write(`Wrote the configuration of the imported objects to ${generated}: review it.\n`);
    process.stdout.write(flags.json ? JSON.stringify(planJson(plan), null, 2) + '\n' : renderPlanText(plan));
    if (flags.out) {
      if (!flags.json)
        process.stdout.write(
          `\nSaved the plan to: ${flags.out}\nTo perform exactly these actions, run: nssv apply ${flags.out}\n`,
        );
    }
    if (flags['detailed-exitcode'] && planHasChanges(plan)) this.exit(2);
  }
}
