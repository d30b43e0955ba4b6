import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initPki, issueAgentCertificate, loadCa, PkiError } from '../../../agentd/tls/pki.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nssv-pki-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const mode = (f: string): string => (statSync(f).mode & 0o777).toString(8);

describe('initPki', () => {
  it('GIVEN an empty directory THEN creates the CA and a client certificate it signed, keys 0600 in a 0700 directory', async () => {
    const tls = join(dir, 'tls');
    expect(await initPki(tls, 'test CA')).toEqual({
      dir: tls,
      created: true,
      caCertFile: join(tls, 'ca.crt'),
    });
    expect([
      mode(tls),
      mode(join(tls, 'ca.key')),
      mode(join(tls, 'client.key')),
      mode(join(tls, 'ca.crt')),
    ]).toEqual(['700', '600', '600', '644']);
    const ca = new X509Certificate(readFileSync(join(tls, 'ca.crt')));
    const client = new X509Certificate(readFileSync(join(tls, 'client.crt')));
    expect(ca.ca).toBe(true);
    expect(ca.subject).toBe('O=nssv\nCN=test CA');
    expect(client.ca).toBe(false);
    expect(client.checkIssued(ca)).toBe(true);
    expect(client.verify(ca.publicKey)).toBe(true);
    expect(client.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']); // clientAuth
  });

  it('GIVEN a CA already there WHEN init runs again THEN it is kept byte for byte', async () => {
    await initPki(dir, 'test CA');
    const before = readFileSync(join(dir, 'ca.key'), 'utf8');
    expect((await initPki(dir, 'test CA')).created).toBe(false);
    expect(readFileSync(join(dir, 'ca.key'), 'utf8')).toBe(before);
  });

  it('GIVEN a directory missing a key THEN it is refused, naming what is there and what is not', async () => {
    await initPki(dir, 'test CA');
    unlinkSync(join(dir, 'client.key'));
    const err = await initPki(dir, 'test CA').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PkiError);
    expect((err as PkiError).message).toBe(
      `The TLS directory ${dir} is incomplete: it has ca.crt, ca.key, client.crt but not client.key.`,
    );
  });
});

describe('issueAgentCertificate', () => {
  it("GIVEN the CA THEN writes a server certificate for the host's names, its key 0600 and the client CA", async () => {
    await initPki(dir, 'test CA');
    const out = join(dir, 'agent');
    const files = await issueAgentCertificate(dir, out, {
      name: 'h1',
      dnsNames: ['h1.example'],
      ipAddresses: ['10.0.0.11'],
    });
    expect(files).toEqual({
      certFile: join(out, 'agent.crt'),
      keyFile: join(out, 'agent.key'),
      clientCaFile: join(out, 'client-ca.crt'),
    });
    const cert = new X509Certificate(readFileSync(files.certFile));
    expect(cert.subjectAltName).toBe('DNS:h1.example, IP Address:10.0.0.11');
    expect(cert.checkIssued(new X509Certificate(readFileSync(files.clientCaFile)))).toBe(true);
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']); // serverAuth
    expect(mode(files.keyFile)).toBe('600');
  });

  it('GIVEN no CA THEN says how to create one', () => {
    expect(() => loadCa(dir)).toThrow(`No CA in ${dir} (ca.crt and ca.key are needed).`);
  });
});
