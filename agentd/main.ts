import { parseArgs } from 'node:util';
import { Agent } from './agent.js';
import { ConfigError, loadConfig, readTokens, tokenFileIsShared } from './config-load.js';
import { detectDomainType } from './host-facts.js';
import { buildRoutes } from './http/routes.js';
import { createAgentServer } from './http/server.js';
import { testFaultRoutes } from './http/testFaultRoutes.js';
import { TestFaults, TestFaultsRefused, testFaultsEnabled, TEST_FAULTS_ENV } from './testing/testFaults.js';
import { jsonLogger } from './log.js';
import { loadServerTls } from './tls/load.js';
import { Metrics } from './metrics.js';
import { countedExec } from './util/countedExec.js';
import { realExec } from './util/exec.js';
import { AGENT_VERSION } from './version.js';

/** agentd entry point: `node dist/agentd/main.js --config FILE`. */
async function main(): Promise<number> {
  const logger = jsonLogger();
  let configFile: string | undefined;
  try {
    configFile = parseArgs({ options: { config: { type: 'string' } }, strict: true }).values.config;
  } catch (e) {
    process.stderr.write(`agentd: ${(e as Error).message}\nusage: agentd --config FILE\n`);
    return 1;
  }
  if (!configFile) {
    process.stderr.write('agentd: missing --config FILE\nusage: agentd --config FILE\n');
    return 1;
  }
  let config, tls, faults;
  let tokens: string[];
  try {
    config = await loadConfig(configFile);
    tokens = await readTokens(config.tokenFile);
    tls = config.tls === undefined ? undefined : await loadServerTls(config.tls);
    faults = testFaultsEnabled(process.env, config.listen.host) ? new TestFaults() : undefined;
  } catch (e) {
    if (e instanceof ConfigError || e instanceof TestFaultsRefused) {
      process.stderr.write(`${e instanceof TestFaultsRefused ? 'agentd: ' : ''}${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (faults) logger.warn('test fault switch on: requests may fail on purpose', { env: TEST_FAULTS_ENV });
  if (await tokenFileIsShared(config.tokenFile)) {
    logger.warn('token file is readable by group or others; chmod 600 it', { tokenFile: config.tokenFile });
  }
  const metrics = new Metrics();
  const domainType = await detectDomainType(config.domainType);
  const agent = new Agent({ config, domainType, exec: countedExec(realExec, metrics), logger, metrics });
  const routes = [...buildRoutes(agent), ...(faults ? testFaultRoutes(faults) : [])];
  const { server, close, setTls } = createAgentServer({
    routes,
    token: () => tokens,
    ...(tls === undefined ? {} : { tls }),
    logger,
    metrics,
    ...(faults ? { beforeHandle: (method: string, path: string) => faults.beforeRequest(method, path) } : {}),
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.listen.port, config.listen.host, resolve);
  }).catch((e: Error) => {
    logger.error('cannot listen', { host: config.listen.host, port: config.listen.port, error: e.message });
    process.exit(1);
  });
  const address = server.address();
  logger.info('agentd listening', {
    host: config.hostName,
    version: AGENT_VERSION,
    listen: typeof address === 'object' && address ? `${address.address}:${address.port}` : String(address),
    scheme: tls === undefined ? 'http' : 'https (mutual TLS)',
    domainType,
  });

  // Rotation without downtime: SIGHUP re-reads the token file and the TLS files. Open connections
  // keep going; new ones get the new certificate. Files that do not check out change nothing.
  const cfg = config;
  process.on('SIGHUP', () => {
    void (async () => {
      try {
        const nextTokens = await readTokens(cfg.tokenFile);
        const nextTls = cfg.tls === undefined ? undefined : await loadServerTls(cfg.tls);
        tokens = nextTokens;
        if (nextTls !== undefined) setTls(nextTls);
        logger.info('reloaded token and TLS files', {
          tokens: nextTokens.length,
          tls: nextTls !== undefined,
        });
      } catch (e) {
        logger.error('reload refused; still serving with the previous token and TLS files', {
          error: e instanceof Error ? e.message : String(e),
        });
      }
    })();
  });

  const stop = (signal: string) => {
    logger.info('stopping', { signal });
    const force = setTimeout(() => {
      logger.warn('requests still running after 30 s; exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    void close().then(() => {
      logger.info('stopped');
      process.exit(0);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    process.stderr.write(`agentd: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
