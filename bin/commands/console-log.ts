import { Args, Flags } from '@oclif/core';
import { DiagnosticsError } from '../../core/diagnostic.js';
import { consoleLog } from '../../engine/usecases/consoleLog.js';
import { readState } from '../../engine/usecases/state.js';
import { NssvCommand } from '../shared/command.js';

export default class ConsoleLog extends NssvCommand {
  static override description =
    "Print a VM's serial console log (kernel and cloud-init output), kept in a file on its host.";
  static override examples = [
    'nssv console-log web1',
    'nssv console-log nssv_vm.web[0]',
    'nssv console-log web1 --json',
  ];
  static override args = {
    vm: Args.string({ description: 'The VM: its resource address or its name.', required: true }),
  };
  static override flags = {
    config: Flags.string({ description: 'Configuration directory (default: the current directory).' }),
    json: Flags.boolean({
      description: 'Machine-readable JSON: address, host, path, text, truncated.',
      default: false,
    }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(ConsoleLog);
    const state = await readState(this.resolveConfigDir(flags.config));
    const r = await consoleLog(state, args.vm);
    if (!r.ok) throw new DiagnosticsError([r.diagnostic]);
    if (flags.json) {
      const { ok: _ok, ...out } = r;
      process.stdout.write(JSON.stringify(out) + '\n');
      return;
    }
    process.stderr.write(
      `${r.address} on ${r.host}: ${r.path}${r.truncated ? ' (only the last 256 KiB)' : ''}\n`,
    );
    process.stdout.write(r.text);
  }
}
