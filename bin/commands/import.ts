import { Args } from '@oclif/core';
import { runImport } from '../../engine/usecases/import.js';
import { NssvCommand } from '../shared/command.js';
import { stateFlags } from '../shared/flags.js';

export default class Import extends NssvCommand {
  static override description =
    'Take an existing object on the hosts under management as ADDRESS (declared in the configuration), without changing it.';
  static override examples = ['nssv import nssv_vm.web web1', 'nssv import nssv_volume.data h2/data'];
  static override args = {
    address: Args.string({ description: 'Resource instance address in the configuration.', required: true }),
    id: Args.string({
      description: 'The object: its name, or HOST/NAME to look on one host only.',
      required: true,
    }),
  };
  static override flags = { ...stateFlags };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Import);
    const configDir = this.resolveConfigDir(flags.config);
    process.stdout.write(`${args.address}: Importing from ID "${args.id}"...\n`);
    const r = await runImport(configDir, this.loadOptions(flags), args.address, args.id);
    process.stdout.write(
      `${args.address}: Import prepared!\n  Prepared ${r.type} for import\n${args.address}: Refreshing state... [id=${String(r.attributes.id)}]\n\n` +
        'Import successful!\n\nThe resources that were imported are shown above. These resources are now in\n' +
        'your nssv state and will henceforth be managed by nssv.\n',
    );
  }
}
