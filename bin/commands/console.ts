import { createInterface } from 'node:readline';
import { evaluateConsoleExpression } from '../../planner/config/console.js';
import { loadForConsole } from '../../engine/usecases/console.js';
import { NssvCommand } from '../shared/command.js';
import { configFlags } from '../shared/flags.js';

export default class Console extends NssvCommand {
  static override description =
    'Evaluate expressions against the configuration, printing exactly what `terraform console` prints. Reads one expression per line from stdin.';
  static override examples = [
    "echo 'jsonencode(var.vms)' | nssv console",
    'nssv console --config examples/quickstart',
  ];
  static override flags = configFlags;

  async run(): Promise<void> {
    const { flags } = await this.parse(Console);
    const configDir = this.resolveConfigDir(flags.config);
    // Like terraform console: resources show what the last apply recorded.
    const config = await loadForConsole(configDir, this.loadOptions(flags));
    if (config.diagnostics.some((d) => d.severity === 'error')) this.fail(config.diagnostics);
    let failed = false;
    const rl = createInterface({ input: process.stdin, terminal: false });
    for await (const line of rl) {
      if (line.trim() === '') continue;
      if (line.trim() === 'exit') break;
      const r = evaluateConsoleExpression(config, line);
      if (r.output !== undefined) process.stdout.write(r.output + '\n');
      if (r.diagnostics.length) {
        this.printDiagnostics(r.diagnostics);
        failed = true;
      }
    }
    if (failed) this.exit(1);
  }
}
