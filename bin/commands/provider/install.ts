import { Command, Flags } from '@oclif/core';
import { resolve } from 'node:path';
import { installProvider } from '../../../engine/usecases/terraform.js';

export default class ProviderInstallCommand extends Command {
  static override description =
    'Install the nssv Terraform provider into a filesystem mirror, with a Terraform CLI configuration using it, so `terraform init` finds nssv/nssv without a network.';
  static override examples = [
    'nssv provider install',
    'nssv provider install --dir ~/.nssv/terraform && export TF_CLI_CONFIG_FILE=~/.nssv/terraform/terraform.rc',
  ];
  static override flags = {
    dir: Flags.string({
      description: 'Directory for the mirror and terraform.rc.',
      default: '.nssv/terraform',
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ProviderInstallCommand);
    const m = installProvider(resolve(flags.dir));
    process.stderr.write(`Installed nssv/nssv ${m.version} at ${m.executable}\nTo use it:\n`);
    process.stdout.write(`export TF_CLI_CONFIG_FILE=${m.cliConfig}\n`);
  }
}
