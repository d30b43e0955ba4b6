import { createAgentServer } from '../../../agentd/http/server.js';
import { silentLogger } from '../../../agentd/log.js';
import { Metrics } from '../../../agentd/metrics.js';
import { CLIENT_KEEP_ALIVE_TIMEOUT_MS } from '../../../core/agentKeepAlive.js';

describe('agentd HTTP keep-alive', () => {
  it('GIVEN the agent server THEN it keeps idle connections 65 s, longer than the client does', async () => {
    const { server, close } = createAgentServer({
      routes: [],
      token: 't',
      logger: silentLogger,
      metrics: new Metrics(),
    });
    expect({ keepAlive: server.keepAliveTimeout, headers: server.headersTimeout }).toEqual({
      keepAlive: 65_000,
      headers: 70_000,
    });
    expect(CLIENT_KEEP_ALIVE_TIMEOUT_MS).toBeLessThan(server.keepAliveTimeout);
    await close();
  });
});
