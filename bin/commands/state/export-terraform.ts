import { Flags } from '@oclif/core';
import { LocalStateStore } from '../../../provider/state/localState.js';
import { toTerraformState } from '../../../provider/tfplugin/migrate/terraformState.js';
import { NssvCommand } from '../../shared/command.js';

export default class StateExportTerraform extends NssvCommand {
  static override description =
    "Print nssv's state as a Terraform state for the nssv provider (schema version 0, which the provider upgrades): moving a configuration from `nssv apply` to `terraform apply` without re-importing. Holds host tokens: write it with mode 0600.";
  static override examples = [
    '(umask 077; nssv state export-terraform > terraform.tfstate) && terraform init && terraform plan',
  ];
  static override flags = {
    config: Flags.string({ description: 'Configuration directory (default: the current directory).' }),
    'terraform-version': Flags.string({
      description: 'Terraform version to record in the state (the one that will read it).',
      default: '1.11.0',
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(StateExportTerraform);
    const state = await new LocalStateStore(this.resolveConfigDir(flags.config)).read();
    process.stdout.write(JSON.stringify(toTerraformState(state, flags['terraform-version']), null, 2) + '\n');
  }
}
