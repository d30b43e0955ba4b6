/**
 * X.509 certificates for agentd's mutual TLS (ECDSA P-256, made with @peculiar/x509 over Node's
 * WebCrypto): a CA (one per installation, or per sandbox), the agents' server certificates and
 * the client certificate nssv presents. Pure: the caller writes the PEM strings where they belong.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export interface CertificateAndKey {
  certPem: string;
  keyPem: string;
}

export interface IssueOptions {
  commonName: string;
  /** 'server' for an agent (serverAuth), 'client' for nssv (clientAuth). */
  usage: 'server' | 'client';
  /** Names the certificate is valid for (subjectAltName), e.g. the host's DNS name. */
  dnsNames?: readonly string[];
  /** IPv4/IPv6 addresses the certificate is valid for (subjectAltName). */
  ipAddresses?: readonly string[];
  validDays?: number;
  now?: Date;
}

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 3600 * 1000;

const newKeys = (): Promise<CryptoKeyPair> =>
  webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;

async function keyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return x509.PemConverter.encode(der, 'PRIVATE KEY') + '\n';
}

function serialNumber(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0]! &= 0x7f; // positive
  return Buffer.from(bytes).toString('hex');
}

const span = (now: Date, days: number) => ({
  notBefore: new Date(now.getTime() - 60_000),
  notAfter: new Date(now.getTime() + days * DAY_MS),
});

/** Common names are plain words: letters, digits, space, '.', '_', '-' (the library mangles quotes and commas). */
export const COMMON_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;

function dn(commonName: string): x509.JsonName {
  if (!COMMON_NAME.test(commonName))
    throw new Error(`internal: certificate common name ${JSON.stringify(commonName)} is not ${COMMON_NAME}`);
  return [{ O: ['nssv'] }, { CN: [commonName] }];
}

/** A self-signed CA that signs agents' and clients' certificates (pathLen 0: it signs no other CA). */
export async function createCa(
  commonName: string,
  opts: { validDays?: number; now?: Date } = {},
): Promise<CertificateAndKey> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: dn(commonName),
    ...span(opts.now ?? new Date(), opts.validDays ?? 3650),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem') + '\n', keyPem: await keyPem(keys.privateKey) };
}

/** A leaf certificate signed by `ca`: an agent's server certificate or nssv's client certificate. */
export async function issueCertificate(
  ca: CertificateAndKey,
  opts: IssueOptions,
): Promise<CertificateAndKey> {
  const caCert = new x509.X509Certificate(ca.certPem);
  const caKey = await webcrypto.subtle.importKey(
    'pkcs8',
    x509.PemConverter.decodeFirst(ca.keyPem),
    ALG,
    false,
    ['sign'],
  );
  const keys = await newKeys();
  const names = [
    ...(opts.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(opts.ipAddresses ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: dn(opts.commonName),
    issuer: caCert.subjectName,
    ...span(opts.now ?? new Date(), opts.validDays ?? 825),
    publicKey: keys.publicKey,
    signingKey: caKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([
        opts.usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth,
      ]),
      ...(names.length > 0 ? [new x509.SubjectAlternativeNameExtension(names)] : []),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return { certPem: cert.toString('pem') + '\n', keyPem: await keyPem(keys.privateKey) };
}
