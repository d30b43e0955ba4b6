import { createHash } from 'node:crypto';
import { STRING } from '../types.js';
import { s, strValue } from './helpers.js';
import { def, p, type FunctionTable } from './registry.js';

const NAMESPACES: Record<string, string> = {
  dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
  x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
};

/** Hash and UUID functions (over the UTF-8 bytes of strings). */
export function cryptoFunctions(): FunctionTable {
  const t: FunctionTable = new Map();
  for (const algo of ['md5', 'sha1', 'sha256', 'sha512'] as const) {
    t.set(
      algo,
      def([p('str', STRING)], ([a]) => strValue(createHash(algo).update(s(a!), 'utf8').digest('hex'))),
    );
  }
  t.set(
    'base64sha256',
    def([p('str', STRING)], ([a]) => strValue(createHash('sha256').update(s(a!), 'utf8').digest('base64'))),
  );
  t.set(
    'base64sha512',
    def([p('str', STRING)], ([a]) => strValue(createHash('sha512').update(s(a!), 'utf8').digest('base64'))),
  );
  t.set(
    'uuidv5',
    def([p('namespace', STRING), p('name', STRING)], ([ns, name]) => {
      const nsText = NAMESPACES[s(ns!)] ?? s(ns!);
      if (!/^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/.test(nsText)) {
        throw new Error(`uuidv5() doesn't support namespace ${s(ns!)} (invalid UUID)`);
      }
      const nsBytes = Buffer.from(nsText.replace(/-/g, ''), 'hex');
      const h = createHash('sha1').update(nsBytes).update(s(name!), 'utf8').digest();
      const b = h.subarray(0, 16);
      b[6] = (b[6]! & 0x0f) | 0x50;
      b[8] = (b[8]! & 0x3f) | 0x80;
      const hex = b.toString('hex');
      return strValue(
        `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
      );
    }),
  );
  return t;
}
