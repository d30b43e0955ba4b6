import type { IncomingMessage } from 'node:http';
import { errors } from '../errors.js';

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** Reads a JSON request body of at most `limitBytes`; an empty body is `undefined`. */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limitBytes) {
    req.resume();
    throw errors.bodyTooLarge(limitBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) tooLarge = true;
    else chunks.push(chunk as Buffer);
  }
  if (tooLarge) throw errors.bodyTooLarge(limitBytes);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw errors.invalidRequest(
      `request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
