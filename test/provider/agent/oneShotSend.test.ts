import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Server as NetServer } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { createCa, issueCertificate, type CertificateAndKey } from '../../../agentd/tls/certs.js';
import { AgentRequester, agentRequestStats } from '../../../provider/agent/agentRequest.js';
import { oneShotSend } from '../../../provider/agent/oneShotSend.js';
import type { ClientTls } from '../../../provider/agent/tls.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

async function listen(server: Server | NetServer): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

function close(server: Server | NetServer): Promise<void> {
  if ('closeAllConnections' in server) server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
}

const withBody =
  (handle: Handler) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => handle(req, res, body));
  };

const failureOf = async (p: Promise<unknown>): Promise<Record<string, unknown>> =>
  p.then(
    () => ({ settled: 'answered' }),
    (e: unknown) => {
      const err = e as NodeJS.ErrnoException & { cause?: Error };
      return { name: err.name, code: err.code, message: err.message, cause: err.cause?.name };
    },
  );

describe('oneShotSend over plain HTTP', () => {
  let server: Server;
  let url = '';
  let handle: Handler = () => undefined;
  beforeAll(async () => {
    server = createServer(withBody((req, res, body) => handle(req, res, body)));
    url = `http://127.0.0.1:${await listen(server)}`;
  });
  afterAll(() => close(server));

  it('GIVEN a PUT with a body and headers THEN the agent gets them on a connection it closes, and the whole answer comes back as text', async () => {
    handle = (req, res, body) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          line: `${req.method} ${req.url}`,
          connection: req.headers.connection,
          auth: req.headers.authorization,
          body,
          é: 'ü'.repeat(40_000),
        }),
      );
    };
    const a = await oneShotSend(`${url}/v1/x?y=1`, {
      method: 'PUT',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: '{"ä":1}',
      tls: null,
      signal: AbortSignal.timeout(5000),
    });
    expect(a).toEqual({
      status: 201,
      text: JSON.stringify({
        line: 'PUT /v1/x?y=1',
        connection: 'close',
        auth: 'Bearer t',
        body: '{"ä":1}',
        é: 'ü'.repeat(40_000),
      }),
    });
  });

  it('GIVEN an answer written in parts without a length THEN the chunks are joined', async () => {
    handle = (_req, res) => {
      res.writeHead(500);
      res.write('{"error":');
      setTimeout(() => res.end('"late"}'), 20);
    };
    expect(
      await oneShotSend(`${url}/`, {
        method: 'GET',
        headers: {},
        tls: null,
        signal: AbortSignal.timeout(5000),
      }),
    ).toEqual({ status: 500, text: '{"error":"late"}' });
  });

  it('GIVEN an agent that does not answer in time THEN an AbortError whose cause is the timeout', async () => {
    handle = () => undefined;
    expect(
      await failureOf(
        oneShotSend(`${url}/`, { method: 'GET', headers: {}, tls: null, signal: AbortSignal.timeout(100) }),
      ),
    ).toEqual({
      name: 'AbortError',
      code: 'ABORT_ERR',
      message: 'The operation was aborted',
      cause: 'TimeoutError',
    });
  });

  it('GIVEN a header that would end the header block THEN it is refused and nothing is sent', async () => {
    let asked = false;
    handle = (_req, res) => {
      asked = true;
      res.end();
    };
    expect(
      await failureOf(
        oneShotSend(`${url}/`, {
          method: 'GET',
          headers: { authorization: 'Bearer t\r\nX-Evil: 1' },
          tls: null,
          signal: AbortSignal.timeout(5000),
        }),
      ),
    ).toEqual({
      name: 'TypeError',
      code: 'ERR_INVALID_CHAR',
      message: 'Invalid character in header content ["authorization"]',
      cause: undefined,
    });
    expect(asked).toBe(false);
  });
});

describe('oneShotSend when no answer comes', () => {
  it('GIVEN nothing listening THEN ECONNREFUSED', async () => {
    const probe = createNetServer();
    const port = await listen(probe);
    await close(probe);
    const f = await failureOf(
      oneShotSend(`http://127.0.0.1:${port}/`, {
        method: 'GET',
        headers: {},
        tls: null,
        signal: AbortSignal.timeout(5000),
      }),
    );
    expect(f.code).toBe('ECONNREFUSED');
  });

  it('GIVEN an agent that closes the first connection unanswered THEN ECONNRESET, and the requester sends the GET again on a new connection', async () => {
    let connections = 0;
    const flaky = createNetServer((socket) => {
      connections += 1;
      socket.once('data', () => {
        if (connections === 1) socket.destroy();
        else socket.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}');
      });
    });
    const port = await listen(flaky);
    try {
      const retriesBefore = agentRequestStats.retries;
      const requester = new AgentRequester(
        { host: 'h1', endpoint: `http://127.0.0.1:${port}`, token: 't' },
        { transport: oneShotSend },
      );
      expect(await requester.request('GET', '/v1/inventory')).toEqual({ status: 200, text: '{}' });
      expect({ connections, retries: agentRequestStats.retries - retriesBefore }).toEqual({
        connections: 2,
        retries: 1,
      });
    } finally {
      await close(flaky);
    }
  });
});

describe('oneShotSend over mutual TLS', () => {
  let ca: CertificateAndKey;
  let otherCa: CertificateAndKey;
  let clientTls: ClientTls;
  let server: ReturnType<typeof createHttpsServer>;
  let port = 0;
  beforeAll(async () => {
    ca = await createCa('test ca');
    otherCa = await createCa('other ca');
    const agentCert = await issueCertificate(ca, {
      commonName: 'h1',
      usage: 'server',
      ipAddresses: ['127.0.0.1'],
    });
    const client = await issueCertificate(ca, { commonName: 'nssv', usage: 'client' });
    clientTls = { dir: '/t', ca: ca.certPem, cert: client.certPem, key: client.keyPem };
    server = createHttpsServer(
      {
        cert: agentCert.certPem,
        key: agentCert.keyPem,
        ca: ca.certPem,
        requestCert: true,
        rejectUnauthorized: true,
      },
      (req, res) =>
        res.end(
          JSON.stringify({
            peer: (req.socket as import('node:tls').TLSSocket).getPeerCertificate().subject.CN,
          }),
        ),
    );
    port = await listen(server);
  });
  afterAll(() => close(server));

  it('GIVEN the pinned CA and nssv client certificate THEN the agent answers and sees the client certificate', async () => {
    expect(
      await oneShotSend(`https://127.0.0.1:${port}/v1/inventory`, {
        method: 'GET',
        headers: {},
        tls: clientTls,
        signal: AbortSignal.timeout(5000),
      }),
    ).toEqual({ status: 200, text: '{"peer":"nssv"}' });
  });

  it('GIVEN an agent certificate of another CA THEN a certificate error before any request', async () => {
    const f = await failureOf(
      oneShotSend(`https://127.0.0.1:${port}/`, {
        method: 'GET',
        headers: {},
        tls: { ...clientTls, ca: otherCa.certPem },
        signal: AbortSignal.timeout(5000),
      }),
    );
    expect(f.code).toBe('SELF_SIGNED_CERT_IN_CHAIN');
  });

  it('GIVEN a name the agent certificate does not carry THEN ERR_TLS_CERT_ALTNAME_INVALID', async () => {
    const f = await failureOf(
      oneShotSend(`https://localhost:${port}/`, {
        method: 'GET',
        headers: {},
        tls: clientTls,
        signal: AbortSignal.timeout(5000),
      }),
    );
    expect(f.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });
});
