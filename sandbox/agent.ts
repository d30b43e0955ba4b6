/**
 * agentd for one simulated host: its config file, its token, and the process itself, started in
 * the root network namespace on 127.0.0.1:<free port> (see agentd/config.ts for the contract).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgentCephConfig, AgentConfig, AgentTlsConfig } from '../agentd/config.js';
import { httpsGetOk } from './agentTls.js';
import { errors } from './errors.js';
import type { HostPaths } from './paths.js';
import { UNDERLAY_BRIDGE } from './underlayBridge.js';
import { isAlive, spawnDetached, waitFor, type ProcessRecord } from './processes.js';

/**
 * How long an agent waits for a VM to power off after an ACPI shutdown before destroying it: the
 * default for every sandbox agent. A guest without an OS ignores ACPI and waits all of it.
 */
export const AGENT_SHUTDOWN_TIMEOUT_MS = 3_000;

/** The repository root: the nearest ancestor of this module holding package.json. */
export function repoRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`internal: no package.json above ${from}`);
    dir = up;
  }
}

export const defaultAgentdMain = (): string => path.join(repoRoot(), 'dist', 'agentd', 'main.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** 32 random bytes, hex, in a 0600 file; an existing token is kept. */
export function ensureToken(tokenFile: string): string {
  mkdirSync(path.dirname(tokenFile), { recursive: true });
  if (existsSync(tokenFile)) {
    const token = readFileSync(tokenFile, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(token)) return token;
  }
  const token = randomBytes(32).toString('hex');
  writeFileSync(tokenFile, token + '\n', { mode: 0o600 });
  chmodSync(tokenFile, 0o600);
  return token;
}

export const readToken = (tokenFile: string): string => readFileSync(tokenFile, 'utf8').trim();

export function agentConfig(
  host: string,
  p: HostPaths,
  port: number,
  underlayIp: string,
  shutdownTimeoutMs: number,
  ceph?: AgentCephConfig,
  tls?: AgentTlsConfig,
): AgentConfig {
  return {
    ...(ceph === undefined ? {} : { ceph }),
    ...(tls === undefined ? {} : { tls }),
    hostName: host,
    listen: { host: '127.0.0.1', port },
    tokenFile: p.tokenFile,
    libvirtUri: p.libvirtUri,
    domainType: 'qemu',
    ovsDbSocket: p.ovsDbSocket,
    storageRoot: p.storageRoot,
    stateDir: p.agentDir,
    shutdownTimeoutMs,
    tunnel: { localIp: underlayIp, underlayBridge: UNDERLAY_BRIDGE },
    // Peers' agents run on this machine: they open this host's libvirtd by its socket.
    migration: { libvirtUri: p.libvirtUri, address: underlayIp },
  };
}

export function writeAgentConfig(file: string, config: AgentConfig): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
}

/** The agent's base URL: https:// when it serves mutual TLS (every agent `up` starts now). */
export const endpointOf = (port: number, tls = true): string =>
  `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;

/** GET /v1/health answers 200; over mutual TLS with the sandbox CA's client certificate for https://. */
export async function agentHealthy(
  endpoint: string,
  token: string,
  timeoutMs = 1_000,
  tlsDir?: string,
): Promise<boolean> {
  if (endpoint.startsWith('https://')) {
    if (tlsDir === undefined) return false;
    return httpsGetOk(`${endpoint}/v1/health`, token, tlsDir, timeoutMs);
  }
  try {
    const res = await fetch(`${endpoint}/v1/health`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

export async function startAgent(
  agentdMain: string,
  p: HostPaths,
  endpoint: string,
  token: string,
  timeoutMs: number,
  onStarted: (rec: ProcessRecord) => void,
  tlsDir?: string,
): Promise<void> {
  if (!existsSync(agentdMain)) throw errors.agentdMissing(agentdMain);
  mkdirSync(p.logDir, { recursive: true });
  const logFile = path.join(p.logDir, 'agentd.log');
  const rec = spawnDetached('agentd', process.execPath, [agentdMain, '--config', p.agentConfig], {
    logFile,
    cwd: p.agentDir,
  });
  onStarted(rec);
  const ok = await waitFor(
    async () => !isAlive(rec) || (await agentHealthy(endpoint, token, 1_000, tlsDir)),
    timeoutMs,
    100,
  );
  if (!ok || !isAlive(rec)) {
    const why = isAlive(rec) ? `GET ${endpoint}/v1/health did not answer 200` : 'agentd exited';
    throw errors.startTimeout(`agentd (${endpoint})`, timeoutMs, logFile, why);
  }
}
