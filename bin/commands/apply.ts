import { NssvCommand } from '../shared/command.js';
import { applyFlags, configFlags } from '../shared/flags.js';
import { runApply } from '../shared/runApply.js';

export default class Apply extends NssvCommand {
  static override description = 'Plan, then make the hosts match the configuration.';
  static override examples = [
    'nssv apply',
    'nssv apply -auto-approve',
    'nssv apply -var vm_count=3 --config examples/quickstart',
  ];
  static override flags = { ...configFlags, ...applyFlags };

  async run(): Promise<void> {
    const { flags } = await this.parse(Apply);
    const code = await runApply({
      command: 'apply',
      configDir: this.resolveConfigDir(flags.config),
      load: this.loadOptions(flags),
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
