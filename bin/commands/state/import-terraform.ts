import { Args, Flags } from '@oclif/core';
import { importTerraformState } from '../../../engine/usecases/terraform.js';
import { NssvCommand } from '../../shared/command.js';
import { stateFlags } from '../../shared/flags.js';

export default class StateImportTerraform extends NssvCommand {
  static override description =
    "Make a Terraform state written through the nssv provider this configuration's nssv state (the reverse of export-terraform): moving from `terraform apply` to `nssv apply` without re-importing. Refuses to replace a non-empty nssv state unless -force.";
  static override examples = [
    'terraform state pull > tf.tfstate && nssv state import-terraform tf.tfstate && nssv plan',
  ];
  static override args = {
    path: Args.string({ description: 'The Terraform state file (format 4).', required: true }),
  };
  static override flags = {
    ...stateFlags,
    force: Flags.boolean({
      description: 'Replace the nssv state even if it already holds resources.',
      default: false,
    }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(StateImportTerraform);
    const { where, state } = await importTerraformState(
      this.resolveConfigDir(flags.config),
      this.loadOptions(flags),
      args.path,
      flags.force,
    );
    process.stdout.write(
      `Imported ${state.resources.length} instance(s) from ${args.path}: the state in ${where} is now serial ${state.serial} (lineage ${state.lineage}).\n`,
    );
  }
}
