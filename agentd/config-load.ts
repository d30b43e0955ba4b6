import { readFile, stat } from 'node:fs/promises';
import type { AgentConfig } from './config.js';

/** A config problem, reported as one line per problem; main exits 1 with it. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`agentd: invalid config ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const FIELDS = [
  'hostName',
  'listen',
  'tokenFile',
  'libvirtUri',
  'domainType',
  'ovsDbSocket',
  'storageRoot',
  'stateDir',
  'shutdownTimeoutMs',
  'ceph',
  'tunnel',
  'tls',
  'migration',
];

/** Reads and validates agentd's JSON config; every problem is listed with the field, the value and what is allowed. */
export async function loadConfig(file: string): Promise<AgentConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, [`cannot read the file: ${(e as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(file, [`not valid JSON: ${(e as Error).message}`]);
  }
  const problems = validateConfig(raw);
  if (problems.length > 0) throw new ConfigError(file, problems);
  return raw as AgentConfig;
}

export function validateConfig(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return ['the config must be a JSON object'];
  const c = raw as Record<string, unknown>;
  const problems: string[] = [];
  const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));
  const str = (key: string, hint: string, absolute = false) => {
    const v = c[key];
    if (typeof v !== 'string' || v === '' || (absolute && !v.startsWith('/'))) {
      problems.push(
        `${key} must be ${absolute ? 'an absolute path' : 'a non-empty string'} (${hint}), got ${show(v)}`,
      );
    }
  };
  for (const key of Object.keys(c)) {
    if (!FIELDS.includes(key))
      problems.push(`unknown field ${JSON.stringify(key)}; allowed: ${FIELDS.join(', ')}`);
  }
  str('hostName', 'the host name nssv knows this host by');
  if (typeof c.hostName === 'string' && !/^[a-z][a-z0-9-]{0,62}$/.test(c.hostName)) {
    problems.push(
      `hostName must be a lowercase name (letters, digits, hyphens; starting with a letter), got ${show(c.hostName)}`,
    );
  }
  const listen = c.listen as Record<string, unknown> | undefined;
  if (typeof listen !== 'object' || listen === null) {
    problems.push(`listen must be an object {"host": "127.0.0.1", "port": 7070}, got ${show(listen)}`);
  } else {
    if (typeof listen.host !== 'string' || listen.host === '')
      problems.push(`listen.host must be an address to listen on, got ${show(listen.host)}`);
    if (
      typeof listen.port !== 'number' ||
      !Number.isInteger(listen.port) ||
      listen.port < 0 ||
      listen.port > 65535
    ) {
      problems.push(`listen.port must be an integer from 0 to 65535, got ${show(listen.port)}`);
    }
  }
  str('tokenFile', 'the file holding the bearer token', true);
  str('libvirtUri', 'e.g. qemu:///system');
  if (!['kvm', 'qemu', 'auto'].includes(c.domainType as string)) {
    problems.push(`domainType must be one of "kvm", "qemu", "auto", got ${show(c.domainType)}`);
  }
  str('ovsDbSocket', "the ovsdb-server's unix socket", true);
  str('storageRoot', 'the directory holding dir pools', true);
  str('stateDir', "agentd's own state directory", true);
  const t = c.shutdownTimeoutMs;
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 0 || t > 3_600_000) {
    problems.push(`shutdownTimeoutMs must be an integer from 0 to 3600000, got ${show(t)}`);
  }
  if (c.ceph !== undefined) problems.push(...cephProblems(c.ceph, show));
  problems.push(...tunnelProblems(c.tunnel, show));
  problems.push(...tlsProblems(c.tls, show));
  problems.push(...migrationProblems(c.migration, show));
  return problems;
}

/** Reads the bearer token; refuses an empty file. */
export async function readToken(file: string): Promise<string> {
  return (await readTokens(file))[0]!;
}

/**
 * Reads the bearer tokens agentd accepts: one per line (blank lines ignored), so a rotation can
 * list the new and the old token for a while. Refuses a file without a token and short tokens.
 */
export async function readTokens(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, [`cannot read the token file: ${(e as Error).message}`]);
  }
  const tokens = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (tokens.length === 0 || tokens.some((t) => t.length < 16))
    throw new ConfigError(file, [
      'the token file must hold one token of at least 16 characters per line (two while rotating)',
    ]);
  return tokens;
}

/** True when group or others can read the token file (a warning, not an error). */
export async function tokenFileIsShared(file: string): Promise<boolean> {
  return ((await stat(file)).mode & 0o077) !== 0;
}

const CEPH_FIELDS = ['confFile', 'keyringFile', 'user', 'netns'];

function cephProblems(raw: unknown, show: (v: unknown) => string): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return [
      `ceph must be an object {"confFile": "/etc/ceph/ceph.conf", "keyringFile": "/etc/ceph/ceph.client.nssv.keyring", "user": "nssv"}, got ${show(raw)}`,
    ];
  }
  const c = raw as Record<string, unknown>;
  const problems = Object.keys(c)
    .filter((k) => !CEPH_FIELDS.includes(k))
    .map((k) => `unknown field ceph.${k}; allowed: ${CEPH_FIELDS.join(', ')}`);
  for (const key of ['confFile', 'keyringFile']) {
    const v = c[key];
    if (typeof v !== 'string' || !v.startsWith('/'))
      problems.push(`ceph.${key} must be an absolute path, got ${show(v)}`);
  }
  if (typeof c.user !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(c.user)) {
    problems.push(
      `ceph.user must be a Ceph client name without "client." (letters, digits, _ . -), got ${show(c.user)}`,
    );
  }
  if (c.netns !== undefined && (typeof c.netns !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(c.netns))) {
    problems.push(`ceph.netns must be the name of a network namespace (ip netns list), got ${show(c.netns)}`);
  }
  return problems;
}

function tunnelProblems(v: unknown, show: (v: unknown) => string): string[] {
  if (v === undefined) return [];
  const example = '{"localIp": "10.250.0.1", "underlayBridge": "br-phy"}';
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return [`tunnel must be an object like ${example}, got ${show(v)}`];
  const t = v as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(t)) {
    if (key !== 'localIp' && key !== 'underlayBridge')
      problems.push(`tunnel has unknown field ${JSON.stringify(key)}; allowed: localIp, underlayBridge`);
  }
  if (typeof t.localIp !== 'string' || !isIpv4(t.localIp))
    problems.push(`tunnel.localIp must be the host's IPv4 underlay address, got ${show(t.localIp)}`);
  if (typeof t.underlayBridge !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/.test(t.underlayBridge))
    problems.push(
      `tunnel.underlayBridge must be the OVS bridge holding the underlay address (an interface name, at most 15 characters), got ${show(t.underlayBridge)}`,
    );
  return problems;
}

function isIpv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

const TLS_FIELDS = ['certFile', 'keyFile', 'clientCaFile'];

function tlsProblems(v: unknown, show: (v: unknown) => string): string[] {
  if (v === undefined) return [];
  const example =
    '{"certFile": "/etc/nssv/tls/agent.crt", "keyFile": "/etc/nssv/tls/agent.key", "clientCaFile": "/etc/nssv/tls/client-ca.crt"}';
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return [`tls must be an object like ${example}, got ${show(v)}`];
  const t = v as Record<string, unknown>;
  const problems = Object.keys(t)
    .filter((k) => !TLS_FIELDS.includes(k))
    .map((k) => `unknown field tls.${k}; allowed: ${TLS_FIELDS.join(', ')}`);
  for (const key of TLS_FIELDS) {
    const f = t[key];
    if (typeof f !== 'string' || !f.startsWith('/'))
      problems.push(`tls.${key} must be an absolute path, got ${show(f)}`);
  }
  return problems;
}

const LIBVIRT_PEER_URI =
  /^qemu(\+(tls|tcp|ssh|unix))?:\/\/[A-Za-z0-9.:[\]-]*\/system(\?socket=\/[A-Za-z0-9._/-]+)?$/;

function migrationProblems(v: unknown, show: (v: unknown) => string): string[] {
  if (v === undefined) return [];
  const example = '{"libvirtUri": "qemu+tls://10.0.0.12/system", "address": "10.0.0.12"}';
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return [`migration must be an object like ${example}, got ${show(v)}`];
  const m = v as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(m)) {
    if (key !== 'libvirtUri' && key !== 'address')
      problems.push(`migration has unknown field ${JSON.stringify(key)}; allowed: libvirtUri, address`);
  }
  if (typeof m.libvirtUri !== 'string' || !LIBVIRT_PEER_URI.test(m.libvirtUri))
    problems.push(
      `migration.libvirtUri must be a qemu URI of this host's libvirtd as peers open it, e.g. qemu+tls://10.0.0.12/system, got ${show(m.libvirtUri)}`,
    );
  if (typeof m.address !== 'string' || !isIpv4(m.address))
    problems.push(
      `migration.address must be the IPv4 address incoming migrations reach this host on, got ${show(m.address)}`,
    );
  return problems;
}
