import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { bitString, bool, explicit, integer, octets, oid, seq, set, tlv, utcTime, utf8 } from './der.js';

export interface ServerCertificate {
  /** DER bytes, as the handshake line carries them (base64). */
  der: Buffer;
  certPem: string;
  keyPem: string;
}

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

/**
 * A fresh self-signed ECDSA P-256 certificate for "localhost", valid for a year, usable as both
 * server and client certificate and as its own CA: what go-plugin's AutoMTLS expects of a
 * plugin (Terraform pins exactly this certificate, sent in the handshake line).
 */
export function selfSignedCertificate(now = new Date()): ServerCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const name = seq(set(seq(oid('2.5.4.10'), utf8('nssv'))), set(seq(oid('2.5.4.3'), utf8('localhost'))));
  const notBefore = new Date(now.getTime() - 30_000);
  const notAfter = new Date(now.getTime() + 365 * 24 * 3600_000);
  const extensions = explicit(
    3,
    seq(
      extension('2.5.29.19', true, seq(bool(true))), // basicConstraints: CA
      // keyUsage: digitalSignature, keyEncipherment, keyCertSign
      extension('2.5.29.15', true, tlv(0x03, Buffer.from([0x02, 0xa4]))),
      // extKeyUsage: serverAuth, clientAuth
      extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))),
      // subjectAltName: DNS localhost
      extension('2.5.29.17', false, seq(tlv(0x82, Buffer.from('localhost', 'ascii')))),
    ),
  );
  const serial = randomBytes(16);
  serial[0]! &= 0x7f;
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    ECDSA_SHA256,
    name,
    seq(utcTime(notBefore), utcTime(notAfter)),
    name,
    spki,
    extensions,
  );
  const signature = sign('sha256', tbs, privateKey as KeyObject);
  const der = seq(tbs, ECDSA_SHA256, bitString(signature));
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return {
    der,
    certPem: `-----BEGIN CERTIFICATE-----\n${b64.trimEnd()}\n-----END CERTIFICATE-----\n`,
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}
