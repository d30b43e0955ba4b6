import { Args } from '@oclif/core';
import { DiagnosticsError } from '../../core/diagnostic.js';
import { readState } from '../../engine/usecases/state.js';
import { NssvCommand } from '../shared/command.js';
import { Flags } from '@oclif/core';
import { renderOutputValue } from '../shared/outputValue.js';

export default class Output extends NssvCommand {
  static override description = 'Show the root module outputs recorded by the last apply.';
  static override examples = [
    'nssv output',
    'nssv output vm_names',
    'nssv output -json',
    'nssv output -raw endpoint',
  ];
  static override args = { name: Args.string({ description: 'Only this output.', required: false }) };
  static override flags = {
    config: Flags.string({ description: 'Configuration directory (default: the current directory).' }),
    json: Flags.boolean({
      description: 'Machine-readable JSON (sensitive values included, as in Terraform).',
      default: false,
    }),
    raw: Flags.boolean({
      description: 'Print one string, number or bool output as is, without quotes.',
      default: false,
    }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Output);
    const outputs = (await readState(this.resolveConfigDir(flags.config))).outputs ?? {};
    const names = Object.keys(outputs).sort();
    if (args.name !== undefined) {
      const o = outputs[args.name];
      if (!o) {
        throw new DiagnosticsError([
          {
            severity: 'error',
            code: 'NSSV_OUTPUT_NOT_FOUND',
            summary: `output "${args.name}" is not in the state`,
            detail: names.length
              ? `Outputs recorded by the last apply: ${names.map((n) => `"${n}"`).join(', ')}.`
              : 'No outputs are recorded: declare output blocks and run nssv apply.',
          },
        ]);
      }
      if (flags.json) process.stdout.write(JSON.stringify(o.value) + '\n');
      else if (flags.raw)
        process.stdout.write(typeof o.value === 'object' ? JSON.stringify(o.value) : String(o.value));
      else process.stdout.write(renderOutputValue(o.value) + '\n');
      return;
    }
    if (names.length === 0 && !flags.json) {
      process.stderr.write(
        'No outputs found: the last apply recorded none. Declare output blocks in the configuration and run nssv apply.\n',
      );
      return;
    }
    if (flags.json) {
      const out = Object.fromEntries(
        names.map((n) => [n, { sensitive: outputs[n]!.sensitive, value: outputs[n]!.value }]),
      );
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return;
    }
    for (const n of names) {
      const o = outputs[n]!;
      process.stdout.write(`${n} = ${o.sensitive ? '<sensitive>' : renderOutputValue(o.value)}\n`);
    }
  }
}
