import { readHttpAnswer } from '../../../provider/agent/readHttpAnswer.js';

const answer = (text: string): Buffer => Buffer.from(text, 'utf8');
const failure = (text: string): { code: unknown; message: string } => {
  try {
    readHttpAnswer(answer(text));
  } catch (e) {
    return { code: (e as NodeJS.ErrnoException).code, message: (e as Error).message };
  }
  throw new Error('expected a failure');
};

describe('readHttpAnswer', () => {
  it('GIVEN a Content-Length THEN the status and exactly that many bytes, as UTF-8', () => {
    expect(
      readHttpAnswer(
        answer('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhé!!tail'),
      ),
    ).toEqual({ status: 200, text: 'hé!!' });
  });

  it('GIVEN a chunked body with an extension and a trailer THEN the chunks joined', () => {
    expect(
      readHttpAnswer(
        answer(
          'HTTP/1.1 404 Not Found\r\ntransfer-encoding: chunked\r\n\r\n3;x=y\r\nabc\r\nA\r\n0123456789\r\n0\r\nX-T: 1\r\n\r\n',
        ),
      ),
    ).toEqual({ status: 404, text: 'abc0123456789' });
  });

  it('GIVEN an ETag THEN it is part of the answer', () => {
    expect(readHttpAnswer(answer('HTTP/1.1 200 OK\r\nETag: "x1"\r\nContent-Length: 2\r\n\r\n{}'))).toEqual({
      status: 200,
      text: '{}',
      etag: '"x1"',
    });
  });

  it('GIVEN a 304 THEN no body, whatever follows the head', () => {
    expect(readHttpAnswer(answer('HTTP/1.1 304 Not Modified\r\nETag: "x1"\r\n\r\nleftover'))).toEqual({
      status: 304,
      text: '',
      etag: '"x1"',
    });
  });

  it('GIVEN neither THEN the body runs to the end of the connection; a status without a reason is read', () => {
    expect(readHttpAnswer(answer('HTTP/1.0 503\r\n\r\n{"a":1}'))).toEqual({ status: 503, text: '{"a":1}' });
  });

  it.each([
    ['', 'before answering'],
    ['HTTP/1.1 200 OK\r\nContent-Le', 'inside the answer head'],
    ['HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc', 'inside the answer body'],
    ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab', 'inside a chunked body'],
  ])(
    'GIVEN an answer cut short (%j) THEN ECONNRESET (sent again for idempotent methods), saying where it stopped',
    (text, where) => {
      expect(failure(text)).toEqual({
        code: 'ECONNRESET',
        message: `socket hang up: the agent closed the connection ${where}`,
      });
    },
  );

  it.each([
    ['SSH-2.0-OpenSSH_9.2\r\n\r\n', 'unexpected status line "SSH-2.0-OpenSSH_9.2"'],
    ['HTTP/1.1 100 Continue\r\n\r\n', 'unexpected status line "HTTP/1.1 100 Continue"'],
    ['HTTP/1.1 200 OK\r\nno colon\r\n\r\n', 'invalid header line "no colon"'],
    ['HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n', 'invalid Content-Length "-1"'],
    ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', 'invalid chunk size "zz"'],
  ])('GIVEN what is not an HTTP answer (%j) THEN a parse error that quotes it', (text, why) => {
    expect(failure(text)).toEqual({ code: 'HPE_INVALID_CONSTANT', message: `Parse Error: ${why}` });
  });
});
