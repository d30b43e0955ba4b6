import { NssvCommand } from '../shared/command.js';
import { applyFlags, configFlags } from '../shared/flags.js';
import { runApply } from '../shared/runApply.js';

export default class Destroy extends NssvCommand {
  static override description = "Destroy everything this configuration's state manages.";
  static override examples = ['nssv destroy', 'nssv destroy -auto-approve'];
  static override flags = { ...configFlags, ...applyFlags };

  async run(): Promise<void> {
    const { flags } = await this.parse(Destroy);
    const code = await runApply({
      command: 'destroy',
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
