import type { AddressInfo } from 'node:net';
import { createAgentServer } from '../../../agentd/http/server.js';
import { entityTag } from '../../../agentd/http/entityTag.js';
import { silentLogger } from '../../../agentd/log.js';
import { Metrics } from '../../../agentd/metrics.js';

describe('agentd conditional reads (ETag, If-None-Match)', () => {
  let body = { hosts: 1 };
  const metrics = new Metrics();
  const agent = createAgentServer({
    routes: [
      {
        method: 'GET',
        pattern: '/v1/inventory',
        etag: (_result, text) => entityTag(text),
        handle: async () => body,
      },
      { method: 'GET', pattern: '/v1/health', handle: async () => ({ ok: true }) },
    ],
    token: 't',
    logger: silentLogger,
    metrics,
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => agent.server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(agent.server.address() as AddressInfo).port}`;
  });
  afterAll(() => agent.close());
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(base + path, { headers: { authorization: 'Bearer t', ...headers } });

  it('GIVEN a conditional route THEN its answer carries the tag of its body', async () => {
    const res = await get('/v1/inventory');
    expect({ status: res.status, etag: res.headers.get('etag'), body: await res.text() }).toEqual({
      status: 200,
      etag: entityTag('{"hosts":1}'),
      body: '{"hosts":1}',
    });
  });

  it('GIVEN If-None-Match with the current tag THEN 304 without a body, the tag repeated', async () => {
    const etag = entityTag(JSON.stringify(body));
    const res = await get('/v1/inventory', { 'if-none-match': etag });
    expect({ status: res.status, etag: res.headers.get('etag'), body: await res.text() }).toEqual({
      status: 304,
      etag,
      body: '',
    });
  });

  it('GIVEN the body changed since the tag THEN 200 with the new body and its tag', async () => {
    const old = entityTag(JSON.stringify(body));
    body = { hosts: 2 };
    const res = await get('/v1/inventory', { 'if-none-match': old });
    expect({ status: res.status, etag: res.headers.get('etag'), body: await res.text() }).toEqual({
      status: 200,
      etag: entityTag('{"hosts":2}'),
      body: '{"hosts":2}',
    });
  });

  it('GIVEN a route that is not conditional THEN no tag and If-None-Match is ignored', async () => {
    const res = await get('/v1/health', { 'if-none-match': '*' });
    expect({ status: res.status, etag: res.headers.get('etag') }).toEqual({ status: 200, etag: null });
  });

  it('GIVEN If-None-Match without the bearer token THEN 401, not 304', async () => {
    const res = await fetch(base + '/v1/inventory', { headers: { 'if-none-match': '*' } });
    expect(res.status).toBe(401);
  });

  it('GIVEN a 304 THEN the request is counted with status 304', async () => {
    const count = (): number =>
      Number(/route="\/v1\/inventory",status="304"\} (\d+)/.exec(metrics.render())?.[1] ?? 0);
    const before = count();
    await get('/v1/inventory', { 'if-none-match': '*' });
    expect(count()).toBe(before + 1);
  });
});
