import { Command } from '@oclif/core';
import { errorText, statusText } from '../../../sandbox/cli.js';
import { sandboxFlags } from '../../../sandbox/cliFlags.js';
import { isSandboxError } from '../../../sandbox/errors.js';
import { sandboxStatus } from '../../../sandbox/status.js';

export default class SandboxStatusCommand extends Command {
  static override description =
    'Show each sandbox host: agent endpoint, whether its processes run and its libvirtd, Open vSwitch and agentd answer. Exits 1 when the sandbox is degraded.';
  static override examples = ['nssv sandbox status', 'nssv sandbox status --json'];
  static override flags = { root: sandboxFlags.root, json: sandboxFlags.json };

  async run(): Promise<void> {
    const { flags } = await this.parse(SandboxStatusCommand);
    const status = await sandboxStatus({ root: flags.root });
    process.stdout.write(flags.json ? JSON.stringify(status, null, 2) + '\n' : statusText(status));
    if (status.up && !status.healthy) this.exit(1);
  }

  protected override async catch(err: Error & { oclif?: unknown }): Promise<unknown> {
    if (!isSandboxError(err)) return super.catch(err);
    process.stderr.write(errorText(err));
    return this.exit(1);
  }
}
