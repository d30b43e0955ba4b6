import { parseArgs } from 'node:util';
import { Agent } from './agent.js';
import { ConfigError, loadConfig, readToken, tokenFileIsShared } from './config-load.js';
import { detectDomainType } from './host-facts.js';
import { buildRoutes } from './http/routes.js';
import { createAgentServer } from './http/server.js';
import { testFaultRoutes } from './http/testFaultRoutes.js';
import { TestFaults, TestFaultsRefused, testFaultsEnabled, TEST_FAULTS_ENV } from './testing/testFaults.js';
import { jsonLogger } from './log.js';
import { Metrics } from './metrics.js';
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
  let config, token, faults;
  try {
    config = await loadConfig(configFile);
    token = await readToken(config.tokenFile);
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
  const agent = new Agent({ config, domainType, exec: realExec, logger, metrics });
  const routes = [...buildRoutes(agent), ...(faults ? testFaultRoutes(faults) : [])];
  const { server, close } = createAgentServer({
    routes,
    token,
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
    domainType,
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
