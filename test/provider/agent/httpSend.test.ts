import { Agent } from 'node:http';
import { Duplex } from 'node:stream';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpSend } from '../../../provider/agent/httpSend.js';

/** An agent whose connections never connect (a host whose network is cut). */
class BlackholeAgent extends Agent {
  override createConnection(): Duplex {
    const silent = new Duplex({ read: () => undefined, write: (_chunk, _encoding, done) => done() });
    return Object.assign(silent, { connecting: true });
  }
}

describe('httpSend', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        if (req.headers['if-none-match'] === '"t1"') {
          res.writeHead(304, { etag: '"t1"' });
          res.end();
          return;
        }
        res.writeHead(201, {
          'content-type': 'application/json',
          ...(req.method === 'GET' ? { etag: '"t1"' } : {}),
        });
        res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization, body, é: 'ü' }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  });

  it('GIVEN a PUT with a body THEN the status and the whole answer as text', async () => {
    const agent = new Agent({ keepAlive: true });
    const a = await httpSend(`${url}/x`, {
      method: 'PUT',
      agent,
      headers: { authorization: 'Bearer t' },
      body: '{"ä":1}',
      signal: AbortSignal.timeout(5000),
    });
    agent.destroy();
    expect(a).toEqual({
      status: 201,
      text: JSON.stringify({ method: 'PUT', auth: 'Bearer t', body: '{"ä":1}', é: 'ü' }),
    });
  });

  it('GIVEN a tagged answer THEN its ETag; GIVEN If-None-Match with that tag THEN 304, empty, the tag', async () => {
    const agent = new Agent({ keepAlive: true });
    const send = (headers: Record<string, string>) =>
      httpSend(`${url}/x`, { method: 'GET', agent, headers, signal: AbortSignal.timeout(5000) });
    const first = await send({});
    const again = await send({ 'if-none-match': '"t1"' });
    agent.destroy();
    expect([first.status, first.etag, again]).toEqual([201, '"t1"', { status: 304, text: '', etag: '"t1"' }]);
  });

  it('GIVEN a connection that is never made WHEN the connect timeout passes THEN ETIMEDOUT, before the request timeout', async () => {
    const started = Date.now();
    const err = await httpSend(`${url}/x`, {
      method: 'GET',
      agent: new BlackholeAgent(),
      headers: {},
      signal: AbortSignal.timeout(10_000),
      connectTimeoutMs: 200,
    }).then(
      () => undefined,
      (e: unknown) => e as NodeJS.ErrnoException,
    );
    expect({ code: err?.code, message: err?.message }).toEqual({
      code: 'ETIMEDOUT',
      message: 'connect ETIMEDOUT: no connection after 0.2 s',
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
