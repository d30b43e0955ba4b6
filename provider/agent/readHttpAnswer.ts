import type { HttpAnswer } from './httpSend.js';

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');

/** An answer that ended before it was whole: what Node's client calls a hung-up socket. */
const cutShort = (what: string): Error =>
  Object.assign(new Error(`socket hang up: the agent closed the connection ${what}`), {
    code: 'ECONNRESET',
  });

const malformed = (what: string): Error =>
  Object.assign(new Error(`Parse Error: ${what}`), { code: 'HPE_INVALID_CONSTANT' });

/** The body of a `Transfer-Encoding: chunked` answer (chunk extensions ignored, trailers dropped). */
function dechunk(data: Buffer, start: number): Buffer {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = data.indexOf(CRLF, at);
    if (lineEnd < 0) throw cutShort('inside a chunked body');
    const sizeText = data.toString('latin1', at, lineEnd).split(';')[0]!.trim();
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) throw malformed(`invalid chunk size ${JSON.stringify(sizeText)}`);
    const size = parseInt(sizeText, 16);
    if (size === 0) return Buffer.concat(parts);
    const from = lineEnd + 2;
    if (from + size + 2 > data.length) throw cutShort('inside a chunked body');
    parts.push(data.subarray(from, from + size));
    at = from + size + 2;
  }
}

/**
 * Frames one whole HTTP/1.x answer read from a connection the server closed after it: the status,
 * the body (by Content-Length, chunked, or to the end) as UTF-8 text, and the ETag. A status 1xx
 * is not expected (nothing is sent with `Expect:`) and is refused as malformed.
 */
export function readHttpAnswer(data: Buffer): HttpAnswer {
  const headEnd = data.indexOf(HEAD_END);
  if (headEnd < 0) throw cutShort(data.length === 0 ? 'before answering' : 'inside the answer head');
  const lines = data.toString('latin1', 0, headEnd).split('\r\n');
  const status = /^HTTP\/1\.[01] ([2-5]\d\d)(?: |$)/.exec(lines[0]!);
  if (!status) throw malformed(`unexpected status line ${JSON.stringify(lines[0]!.slice(0, 80))}`);
  let length: number | undefined;
  let chunked = false;
  let etag: string | undefined;
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformed(`invalid header line ${JSON.stringify(line.slice(0, 80))}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      if (!/^\d+$/.test(value)) throw malformed(`invalid Content-Length ${JSON.stringify(value)}`);
      length = Number(value);
    } else if (name === 'transfer-encoding') chunked = /(?:^|,)\s*chunked\s*$/i.test(value);
    else if (name === 'etag') etag = value;
  }
  const code = Number(status[1]);
  const tagged = etag === undefined ? {} : { etag };
  // 204 and 304 answers have no body, whatever their headers say (RFC 9112 §6.3).
  if (code === 204 || code === 304) return { status: code, text: '', ...tagged };
  const start = headEnd + HEAD_END.length;
  let body: Buffer;
  if (chunked) body = dechunk(data, start);
  else if (length !== undefined) {
    if (data.length - start < length) throw cutShort('inside the answer body');
    body = data.subarray(start, start + length);
  } else body = data.subarray(start);
  return { status: code, text: body.toString('utf8'), ...tagged };
}
