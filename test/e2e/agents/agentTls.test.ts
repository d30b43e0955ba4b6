/**
 * agentd on a "real host" as `nssv agent install` leaves it: the built CLI creates the CA and the
 * agent's files under a root directory, the built agentd runs from that config (its host paths
 * mapped under the root, as copying the tree to the host would), and nssv talks to it over mutual
 * TLS. Refusals happen in the TLS handshake: the agent's log must show no request for them.
 */
import { execa, type ResultPromise } from 'execa';
import { X509Certificate } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent as HttpsAgent, request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { AgentConfig } from '../../../agentd/config.js';
import { AgentClient } from '../../../provider/agent/client.js';
import { AgentError } from '../../../provider/agent/agentError.js';
import { defaultAgentdMain, freePort } from '../../../sandbox/agent.js';
import { describeE2e } from '../../helpers/e2e.js';
import { nssv, repo } from '../support.js';

jest.setTimeout(120_000);

const agentdMain = defaultAgentdMain();
const NEEDS = {
  files: [
    { path: agentdMain, make: 'npm run build' },
    { path: join(repo, 'dist/bin/commands/agent/install.js'), make: 'npm run build' },
  ],
};

describeE2e('agentd installed by nssv agent install, over mutual TLS', NEEDS, () => {
  let dir = '';
  let tlsDir = '';
  let otherTlsDir = '';
  let root = '';
  let port = 0;
  let endpoint = '';
  let token = '';
  let logFile = '';
  let agentd: ResultPromise | undefined;

  /** agentd's JSON log lines with msg "request" (one per HTTP request it handled). */
  const requestsLogged = (): number =>
    readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string })
      .filter((l) => l.msg === 'request').length;
  const logLines = (): { msg: string; [k: string]: unknown }[] =>
    readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string });
  const handshakesRefused = (): number => logLines().filter((l) => l.msg === 'TLS handshake refused').length;
  const waitForLog = async (msg: string, count: number): Promise<void> => {
    for (let i = 0; i < 100; i++) {
      if (logLines().filter((l) => l.msg === msg).length >= count) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`agentd did not log "${msg}" ${count} time(s):\n${readFileSync(logFile, 'utf8')}`);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nssv-agent-tls-'));
    tlsDir = join(dir, 'tls');
    otherTlsDir = join(dir, 'other-tls');
    root = join(dir, 'root');
    port = await freePort();
    const init = await nssv(['agent', 'ca', 'init', '--tls-dir', tlsDir], dir);
    expect(init.stdout).toContain(`Created the CA and nssv's client certificate in ${tlsDir}`);
    expect((await nssv(['agent', 'ca', 'init', '--tls-dir', otherTlsDir], dir)).code).toBe(0);
    const installed = await nssv(
      [
        'agent',
        'install',
        '--host',
        'h1',
        '--address',
        '127.0.0.1',
        '--port',
        String(port),
        '--listen',
        '127.0.0.1',
        '--root',
        root,
        '--tls-dir',
        tlsDir,
        '--json',
      ],
      dir,
    );
    expect(installed.code).toBe(0);
    endpoint = (JSON.parse(installed.stdout) as { endpoint: string }).endpoint;
    expect(endpoint).toBe(`https://127.0.0.1:${port}`);

    // What copying the tree to the host does: the config's host paths live under root here.
    const config = JSON.parse(readFileSync(join(root, 'etc/nssv/agentd.json'), 'utf8')) as AgentConfig;
    const onHost = (p: string): string => join(root, p);
    const runnable: AgentConfig = {
      ...config,
      tokenFile: onHost(config.tokenFile),
      tls: {
        certFile: onHost(config.tls!.certFile),
        keyFile: onHost(config.tls!.keyFile),
        clientCaFile: onHost(config.tls!.clientCaFile),
      },
      storageRoot: onHost(config.storageRoot),
      stateDir: onHost(config.stateDir),
      domainType: 'qemu',
    };
    writeFileSync(join(dir, 'agentd.json'), JSON.stringify(runnable));
    token = readFileSync(runnable.tokenFile, 'utf8').trim();
    logFile = join(dir, 'agentd.log');
    writeFileSync(logFile, '');
    agentd = execa(process.execPath, [agentdMain, '--config', join(dir, 'agentd.json')], {
      stdout: { file: logFile },
      stderr: { file: logFile },
      reject: false,
    });
    await waitForLog('agentd listening', 1);
  });

  afterAll(async () => {
    if (agentd) {
      agentd.kill('SIGTERM');
      await agentd;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN the CA nssv pins WHEN nssv calls the agent THEN it answers over mutual TLS and logs JSON', async () => {
    const health = await new AgentClient({ host: 'h1', endpoint, token, tlsDir }).health();
    expect(health.host).toBe('h1');
    const listening = logLines().find((l) => l.msg === 'agentd listening');
    expect(listening?.scheme).toBe('https (mutual TLS)');
    await waitForLog('request', 1); // logged once the answer is sent
    expect(requestsLogged()).toBe(1);
  });

  it('GIVEN an agent whose certificate another CA signed WHEN nssv applies THEN it is refused in the handshake and the agent sees no request', async () => {
    const before = requestsLogged();
    const refusals = handshakesRefused();
    const cfg = mkdtempSync(join(dir, 'cfg-'));
    writeFileSync(
      join(cfg, 'main.tf'),
      `resource "nssv_datacenter" "dc" {\n  name = "dc"\n}\nresource "nssv_cluster" "c" {\n  name          = "c"\n  datacenter_id = nssv_datacenter.dc.id\n}\nresource "nssv_host" "h1" {\n  name       = "h1"\n  cluster_id = nssv_cluster.c.id\n  endpoint   = "${endpoint}"\n  token      = "${token}"\n  tls_dir    = "${otherTlsDir}"\n}\n`,
    );
    const apply = await nssv(['apply', '-auto-approve'], cfg);
    console.log(`apply against a wrongly signed agent: exit ${apply.code}\n${apply.stderr}`);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain(
      `the agent of host h1 at ${endpoint} presented a certificate nssv does not trust (SELF_SIGNED_CERT_IN_CHAIN`,
    );
    expect(apply.stderr).toContain(
      `nssv sent no request. It must be signed by the CA in ${otherTlsDir}/ca.crt`,
    );
    expect(apply.stdout).not.toContain('Apply complete');
    const stateFile = join(cfg, 'terraform.tfstate');
    expect(() => readFileSync(stateFile, 'utf8')).toThrow();
    // The agent saw the connection and refused its handshake; no request reached it.
    await waitForLog('TLS handshake refused', refusals + 1);
    expect(requestsLogged()).toBe(before);
  });

  it('GIVEN plain http:// to the TLS agent THEN the agent refuses it and nssv says to use https://', async () => {
    const before = requestsLogged();
    const refusals = handshakesRefused();
    const plain = new AgentClient({
      host: 'h1',
      endpoint: endpoint.replace('https://', 'http://'),
      token,
      tlsDir,
    });
    const err = await plain.health().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AgentError);
    expect((err as AgentError).message).toMatch(
      /^the agent of host h1 at http:\/\/127\.0\.0\.1:\d+ closed the connection \((ECONNRESET|EPIPE)\); an agent installed by nssv speaks only HTTPS with mutual TLS\. Fix: use https:\/\/ in the endpoint of nssv_host "h1"$/,
    );
    await waitForLog('TLS handshake refused', refusals + 1);
    expect(requestsLogged()).toBe(before);
  });

  it('GIVEN a client without a client certificate THEN the handshake is refused and the agent sees no request', async () => {
    const before = requestsLogged();
    const refusals = handshakesRefused();
    const ca = readFileSync(join(tlsDir, 'ca.crt'), 'utf8');
    const code = await new Promise<string>((resolve) => {
      const req = request(
        `${endpoint}/v1/health`,
        { ca, headers: { authorization: `Bearer ${token}` } },
        (res) => {
          res.resume();
          resolve(`answered ${res.statusCode}`);
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      req.end();
    });
    expect(code).toBe('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED');
    await waitForLog('TLS handshake refused', refusals + 1);
    expect(requestsLogged()).toBe(before);
  });

  it('GIVEN a renewed certificate and a second token WHEN agentd gets SIGHUP THEN open connections keep working, new ones get the new certificate, both tokens work until the old one is removed', async () => {
    const tlsFiles = {
      ca: readFileSync(join(tlsDir, 'ca.crt'), 'utf8'),
      cert: readFileSync(join(tlsDir, 'client.crt'), 'utf8'),
      key: readFileSync(join(tlsDir, 'client.key'), 'utf8'),
    };
    // One kept-alive connection: its local port tells whether a later request reused it.
    const pool = new HttpsAgent({ keepAlive: true, maxSockets: 1, ...tlsFiles });
    const get = (t: string, agent: HttpsAgent | false = pool) =>
      new Promise<{ status: number; localPort: number; serial: string }>((resolve, reject) => {
        const req = request(`${endpoint}/v1/health`, {
          agent,
          ...tlsFiles,
          headers: { authorization: `Bearer ${t}` },
        });
        req.on('response', (res) => {
          const socket = res.socket as TLSSocket;
          const out = {
            status: res.statusCode ?? 0,
            localPort: socket.localPort ?? 0,
            serial: socket.getPeerCertificate().serialNumber,
          };
          res.resume();
          res.on('end', () => resolve(out));
        });
        req.on('error', reject);
        req.end();
      });
    const fileSerial = (): string =>
      new X509Certificate(readFileSync(join(root, 'etc/nssv/tls/agent.crt'))).serialNumber.toUpperCase();
    const serialBefore = fileSerial();
    expect((await get(token, false)).serial.toUpperCase()).toBe(serialBefore);

    // Renew: install again (same CA, new key pair; the token is kept) and add a new token line.
    const again = await nssv(
      [
        'agent',
        'install',
        '--host',
        'h1',
        '--address',
        '127.0.0.1',
        '--port',
        String(port),
        '--root',
        root,
        '--tls-dir',
        tlsDir,
      ],
      dir,
    );
    expect(again.stdout).toContain('The existing bearer token was kept.');
    const newToken = 'b'.repeat(64);
    appendFileSync(join(root, 'etc/nssv/token'), `${newToken}\n`);
    const serialAfter = fileSerial();
    expect(serialAfter).not.toBe(serialBefore);

    const open = await get(token); // the connection open across the reload
    expect(open.status).toBe(200);
    const reloads = logLines().filter((l) => l.msg === 'reloaded token and TLS files').length;
    agentd!.kill('SIGHUP');
    await waitForLog('reloaded token and TLS files', reloads + 1);

    const kept = await get(token);
    expect([kept.status, kept.localPort, kept.serial]).toEqual([200, open.localPort, open.serial]);
    expect((await get(newToken)).status).toBe(200);
    const fresh = await get(newToken, false);
    expect([fresh.status, fresh.serial.toUpperCase()]).toEqual([200, serialAfter]);

    // End of the window: only the new token is left.
    writeFileSync(join(root, 'etc/nssv/token'), `${newToken}\n`);
    agentd!.kill('SIGHUP');
    await waitForLog('reloaded token and TLS files', reloads + 2);
    expect((await get(token, false)).status).toBe(401);
    expect((await get(newToken, false)).status).toBe(200);
    pool.destroy();
  });

  it('GIVEN TLS files that do not match WHEN agentd gets SIGHUP THEN it refuses the reload and keeps serving', async () => {
    const keyFile = join(root, 'etc/nssv/tls/agent.key');
    const key = readFileSync(keyFile, 'utf8');
    writeFileSync(keyFile, readFileSync(join(otherTlsDir, 'client.key'), 'utf8'));
    agentd!.kill('SIGHUP');
    await waitForLog('reload refused; still serving with the previous token and TLS files', 1);
    const refused = logLines().find((l) => l.msg.startsWith('reload refused'));
    expect(String(refused?.error)).toContain(`tls.keyFile ${keyFile} is not the key of the certificate`);
    writeFileSync(keyFile, key);
    const health = await new AgentClient({ host: 'h1', endpoint, token: 'b'.repeat(64), tlsDir }).health();
    expect(health.host).toBe('h1');
  });
});
