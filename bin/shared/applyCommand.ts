import { NssvCommand } from './command.js';
import { applyFlags, configFlags, selectionFlags } from './flags.js';
import { runApply } from './runApply.js';

/** apply and destroy: the same plan → confirm → apply path, in normal or destroy mode. */
export abstract class ApplyCommand extends NssvCommand {
  static override flags = { ...configFlags, ...selectionFlags, ...applyFlags };

  protected abstract readonly verb: 'apply' | 'destroy';

  async run(): Promise<void> {
    const { flags, args } = await this.parse(this.constructor as typeof ApplyCommand);
    const code = await runApply({
      command: this.verb,
      configDir: this.resolveConfigDir(flags.config),
      load: this.loadOptions(flags),
      ...((args as { planfile?: string }).planfile
        ? { planFile: (args as { planfile: string }).planfile }
        : {}),
      refreshOnly: flags['refresh-only'],
      targets: flags.target,
      replace: flags.replace,
      autoApprove: flags['auto-approve'],
      parallelism: flags.parallelism,
      perHostParallelism: flags['per-host-parallelism'],
      onFailure: flags['on-failure'] as 'rollback' | 'stop',
      json: flags.json,
      print: (d) => this.printDiagnostics(d),
    });
    if (code !== 0) this.exit(code);
  }
}
