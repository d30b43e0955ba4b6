/**
 * `nssv agent install`: everything a real host needs to run agentd, written under a root
 * directory (`/` on the host itself, or any directory to copy there): agentd's config, its
 * token (kept if present), its TLS key pair signed by the installation's CA, and a systemd unit.
 * Nothing is started: the caller prints what to run.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import type { AgentConfig } from '../config.js';
import { validateConfig } from '../config-load.js';
import { isValidName } from '../names.js';
import { initPki, issueAgentCertificate, PkiError, writeFileAtomic } from '../tls/pki.js';
import { renderUnit, unsafeForUnit, UNIT_NAME } from './systemdUnit.js';

export interface AgentInstallOptions {
  /** nssv_host.name and agentd's hostName. */
  host: string;
  /** Addresses clients reach the agent at (certificate IP names); the first is the endpoint's. */
  addresses: readonly string[];
  /** DNS names clients reach the agent at (certificate DNS names). */
  dnsNames: readonly string[];
  port: number;
  /** Where agentd listens; default 0.0.0.0. */
  listenHost: string;
  /** Directory the files are written under, as if it were the host's `/`. */
  root: string;
  /** The installation's TLS directory (its CA is created there on first use). */
  tlsDir: string;
  /** The host's node binary and agentd's main.js, as paths on the host. */
  node: string;
  agentdMain: string;
  /** VXLAN underlay address of the host (agentd config `tunnel`), if it carries vxlan switches. */
  tunnelIp?: string;
}

/** Paths on the host (inside root once installed). */
export const HOST_PATHS = {
  config: '/etc/nssv/agentd.json',
  token: '/etc/nssv/token',
  tlsDir: '/etc/nssv/tls',
  unit: `/etc/systemd/system/${UNIT_NAME}`,
  storageRoot: '/var/lib/nssv/pools',
  stateDir: '/var/lib/nssv/agentd',
} as const;

export interface AgentInstallResult {
  host: string;
  root: string;
  endpoint: string;
  tlsDir: string;
  /** True when this install created the installation's CA. */
  createdCa: boolean;
  /** False when an existing token file was kept. */
  newToken: boolean;
  /** Files written, as paths under root. */
  files: string[];
}

export class InstallError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'InstallError';
  }
}

function check(opts: AgentInstallOptions): void {
  const problems: string[] = [];
  if (!isValidName('host', opts.host))
    problems.push(
      `--host ${JSON.stringify(opts.host)}: use lower-case letters, digits and '-', starting with a letter`,
    );
  if (opts.addresses.length === 0 && opts.dnsNames.length === 0)
    problems.push('give at least one --address (IP) or --dns name clients reach the agent at');
  for (const a of opts.addresses)
    if (isIP(a) === 0) problems.push(`--address ${JSON.stringify(a)} is not an IP address`);
  for (const d of opts.dnsNames) {
    if (
      !/^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(
        d,
      )
    )
      problems.push(`--dns ${JSON.stringify(d)} is not a DNS name`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 1 || opts.port > 65535)
    problems.push(`--port ${opts.port} must be a whole number from 1 to 65535`);
  for (const [flag, v] of [
    ['--node', opts.node],
    ['--agentd', opts.agentdMain],
  ] as const) {
    if (!path.isAbsolute(v) || unsafeForUnit(v))
      problems.push(
        `${flag} ${JSON.stringify(v)} must be an absolute path without spaces, quotes, '%', '$', ';' or '\\\\'`,
      );
  }
  if (problems.length > 0) {
    throw new InstallError(
      `Cannot install the agent of host ${JSON.stringify(opts.host)}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      'Fix the flags above and run the command again (it writes nothing until they are right).',
    );
  }
}

const under = (root: string, hostPath: string): string => path.join(root, hostPath);

export async function installAgent(opts: AgentInstallOptions): Promise<AgentInstallResult> {
  check(opts);
  const endpointHost = opts.addresses[0] ?? opts.dnsNames[0]!;
  const endpoint = `https://${isIP(endpointHost) === 6 ? `[${endpointHost}]` : endpointHost}:${opts.port}`;
  const config: AgentConfig = {
    hostName: opts.host,
    listen: { host: opts.listenHost, port: opts.port },
    tokenFile: HOST_PATHS.token,
    tls: {
      certFile: `${HOST_PATHS.tlsDir}/agent.crt`,
      keyFile: `${HOST_PATHS.tlsDir}/agent.key`,
      clientCaFile: `${HOST_PATHS.tlsDir}/client-ca.crt`,
    },
    libvirtUri: 'qemu:///system',
    domainType: 'auto',
    ovsDbSocket: '/run/openvswitch/db.sock',
    storageRoot: HOST_PATHS.storageRoot,
    stateDir: HOST_PATHS.stateDir,
    shutdownTimeoutMs: 60_000,
    ...(opts.tunnelIp === undefined ? {} : { tunnel: { localIp: opts.tunnelIp, underlayBridge: 'br-phy' } }),
  };
  const problems = validateConfig(config);
  if (problems.length > 0) {
    throw new InstallError(
      `The agent config would be invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      'Fix the flags named above.',
    );
  }

  let createdCa: boolean;
  try {
    createdCa = (await initPki(opts.tlsDir, 'nssv installation CA')).created;
  } catch (e) {
    if (e instanceof PkiError) throw new InstallError(e.message, e.hint);
    throw e;
  }
  const files: string[] = [];
  const tls = await issueAgentCertificate(opts.tlsDir, under(opts.root, HOST_PATHS.tlsDir), {
    name: opts.host,
    dnsNames: opts.dnsNames,
    ipAddresses: opts.addresses,
  });
  files.push(tls.certFile, tls.keyFile, tls.clientCaFile);

  const tokenFile = under(opts.root, HOST_PATHS.token);
  const newToken = !(existsSync(tokenFile) && readFileSync(tokenFile, 'utf8').trim().length >= 16);
  if (newToken) writeFileAtomic(tokenFile, randomBytes(32).toString('hex') + '\n', 0o600);
  files.push(tokenFile);

  const configFile = under(opts.root, HOST_PATHS.config);
  writeFileAtomic(configFile, JSON.stringify(config, null, 2) + '\n', 0o600);
  files.push(configFile);

  const unitFile = under(opts.root, HOST_PATHS.unit);
  writeFileAtomic(
    unitFile,
    renderUnit({
      hostName: opts.host,
      node: opts.node,
      agentdMain: opts.agentdMain,
      configFile: HOST_PATHS.config,
    }),
    0o644,
  );
  files.push(unitFile);
  for (const dir of [HOST_PATHS.storageRoot, HOST_PATHS.stateDir])
    mkdirSync(under(opts.root, dir), { recursive: true, mode: 0o700 });

  return { host: opts.host, root: opts.root, endpoint, tlsDir: opts.tlsDir, createdCa, newToken, files };
}
