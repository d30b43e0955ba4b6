import { Flags } from '@oclif/core';
import { exportTerraformState } from '../../../engine/usecases/terraform.js';
import { NssvCommand } from '../../shared/command.js';
import { stateFlags } from '../../shared/flags.js';

export default class StateExportTerraform extends NssvCommand {
  static override description =
    "Print nssv's state as a Terraform state for the nssv provider (every attribute, at the provider's current schema version): moving a configuration from `nssv apply` to `terraform apply` without re-importing. Holds host tokens: write it with mode 0600.";
  static override examples = [
    '(umask 077; nssv state export-terraform > terraform.tfstate) && terraform init && terraform plan',
  ];
  static override flags = {
    ...stateFlags,
    'terraform-version': Flags.string({
      description: 'Terraform version to record in the state (the one that will read it).',
      default: '1.11.0',
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(StateExportTerraform);
    const tfState = await exportTerraformState(
      this.resolveConfigDir(flags.config),
      this.loadOptions(flags),
      flags['terraform-version'],
    );
    process.stdout.write(JSON.stringify(tfState, null, 2) + '\n');
  }
}
