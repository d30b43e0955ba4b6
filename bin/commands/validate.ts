import { hasErrors } from '../../core/diagnostic.js';
import { runValidate } from '../../engine/usecases/validate.js';
import { NssvCommand } from '../shared/command.js';
import { configFlags } from '../shared/flags.js';

export default class Validate extends NssvCommand {
  static override description =
    'Check the configuration (syntax, references, types, schemas) without contacting any host.';
  static override examples = ['nssv validate', 'nssv validate --config examples/quickstart --json'];
  static override flags = configFlags;

  async run(): Promise<void> {
    const { flags } = await this.parse(Validate);
    const configDir = this.resolveConfigDir(flags.config);
    const diagnostics = await runValidate(configDir, this.loadOptions(flags));
    const ok = !hasErrors(diagnostics);
    if (flags.json) {
      process.stdout.write(
        JSON.stringify(
          { valid: ok, errorCount: diagnostics.filter((d) => d.severity === 'error').length, diagnostics },
          null,
          2,
        ) + '\n',
      );
    } else {
      this.printDiagnostics(diagnostics);
      if (ok) process.stdout.write('Success! The configuration is valid.\n');
    }
    if (!ok) this.exit(1);
  }
}
