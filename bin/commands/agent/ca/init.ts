import { Command, Flags } from '@oclif/core';
import { initPki, PkiError } from '../../../../agentd/tls/pki.js';
import { resolveTlsDir, tlsDirFlag } from '../../../shared/tlsDirFlag.js';

export default class AgentCaInit extends Command {
  static override description =
    "Create the installation's CA: it signs every agent's certificate (nssv agent install), and nssv trusts only it for https:// agent endpoints. Also creates the client certificate nssv presents to agents. Harmless when the CA exists (it is kept).";
  static override examples = ['nssv agent ca init', 'nssv agent ca init --tls-dir /srv/nssv/tls'];
  static override flags = {
    'tls-dir': tlsDirFlag,
    json: Flags.boolean({ description: 'Machine-readable JSON on stdout.', default: false }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(AgentCaInit);
    const dir = resolveTlsDir(flags['tls-dir']);
    try {
      const r = await initPki(dir, 'nssv installation CA');
      if (flags.json) {
        process.stdout.write(
          JSON.stringify({ dir: r.dir, created: r.created, caCert: r.caCertFile }, null, 2) + '\n',
        );
        return;
      }
      process.stdout.write(
        r.created
          ? `Created the CA and nssv's client certificate in ${dir} (keys mode 0600). Keep ca.key safe: whoever has it can issue agent and client certificates.\n`
          : `A CA exists in ${dir}; kept it.\n`,
      );
    } catch (e) {
      if (!(e instanceof PkiError)) throw e;
      process.stderr.write(`Error: ${e.message}\n${e.hint}\n`);
      this.exit(1);
    }
  }
}
