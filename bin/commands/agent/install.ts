import { Command, Flags } from '@oclif/core';
import { resolve } from 'node:path';
import {
  HOST_PATHS,
  installAgent,
  InstallError,
  type AgentInstallResult,
} from '../../../agentd/install/install.js';
import { UNIT_NAME } from '../../../agentd/install/systemdUnit.js';
import { defaultAgentdMain } from '../../../sandbox/agent.js';
import { resolveTlsDir, tlsDirFlag } from '../../shared/tlsDirFlag.js';

export default class AgentInstall extends Command {
  static override description =
    "Install agentd on a hypervisor host: writes its config, its bearer token (kept if present), a TLS key pair signed by the installation's CA (created on first use) and a systemd unit, under --root (the host's / by default; any directory to copy there). Run it again to renew the certificate: the agent picks it up on `systemctl reload`, without dropping connections.";
  static override examples = [
    'nssv agent install --host h1 --address 10.0.0.11',
    'nssv agent install --host h1 --address 10.0.0.11 --dns h1.dc1.example --root ./h1-root',
  ];
  static override flags = {
    host: Flags.string({ description: "The host's name (nssv_host.name).", required: true }),
    address: Flags.string({
      description: 'An IP address nssv reaches the agent at (repeatable); the first is the endpoint.',
      multiple: true,
      default: [],
    }),
    dns: Flags.string({
      description: 'A DNS name nssv reaches the agent at (repeatable).',
      multiple: true,
      default: [],
    }),
    port: Flags.integer({ description: 'Port agentd listens on.', default: 7400 }),
    listen: Flags.string({ description: 'Address agentd listens on.', default: '0.0.0.0' }),
    root: Flags.string({
      description: "Write the files under this directory as if it were the host's /.",
      default: '/',
    }),
    'tls-dir': tlsDirFlag,
    node: Flags.string({ description: 'The node binary on the host.', default: process.execPath }),
    agentd: Flags.string({ description: "agentd's main.js on the host.", default: defaultAgentdMain() }),
    'tunnel-ip': Flags.string({
      description: "The host's VXLAN underlay address (on OVS bridge br-phy), if it carries vxlan switches.",
    }),
    json: Flags.boolean({ description: 'Machine-readable JSON on stdout.', default: false }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(AgentInstall);
    let r: AgentInstallResult;
    try {
      r = await installAgent({
        host: flags.host,
        addresses: flags.address,
        dnsNames: flags.dns,
        port: flags.port,
        listenHost: flags.listen,
        root: resolve(flags.root),
        tlsDir: resolveTlsDir(flags['tls-dir']),
        node: flags.node,
        agentdMain: flags.agentd,
        ...(flags['tunnel-ip'] === undefined ? {} : { tunnelIp: flags['tunnel-ip'] }),
      });
    } catch (e) {
      if (!(e instanceof InstallError)) throw e;
      process.stderr.write(`Error: ${e.message}\n${e.hint}\n`);
      return this.exit(1);
    }
    if (flags.json) {
      process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      return;
    }
    process.stdout.write(installText(r));
  }
}

function installText(r: AgentInstallResult): string {
  const copy =
    r.root === '/' ? '' : `  # copy the tree to the host first, e.g.: rsync -a ${r.root}/ root@${r.host}:/\n`;
  return [
    `Installed agentd for host ${r.host} under ${r.root}:`,
    ...r.files.map((f) => `  ${f}`),
    r.createdCa
      ? `Created the installation's CA in ${r.tlsDir} (keep ca.key safe).`
      : `Signed with the CA in ${r.tlsDir}.`,
    r.newToken ? 'A new bearer token was written.' : 'The existing bearer token was kept.',
    '',
    `On host ${r.host}, as root:`,
    copy + `  systemctl daemon-reload && systemctl enable --now ${UNIT_NAME}`,
    `  # after renewing the certificate or adding a token line (rotation): systemctl reload ${UNIT_NAME}`,
    '',
    'Then declare the host (token: the line in ' + HOST_PATHS.token + ' on the host):',
    `  resource "nssv_host" "${r.host}" {`,
    `    name       = "${r.host}"`,
    '    cluster_id = nssv_cluster.<yours>.id',
    `    endpoint   = "${r.endpoint}"`,
    '    token      = var.<its token>',
    `    tls_dir    = "${r.tlsDir}"`,
    '  }',
    '',
  ].join('\n');
}
