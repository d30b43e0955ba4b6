import { createPrivateKey, X509Certificate } from 'node:crypto';
import { selfSignedCertificate } from '../../../../provider/tfplugin/grpc/cert.js';
import {
  handshakeLine,
  handshakeProblem,
  MAGIC_COOKIE_VALUE,
} from '../../../../provider/tfplugin/grpc/handshake.js';

describe('go-plugin handshake', () => {
  it('GIVEN a certificate THEN the line carries it as unpadded base64 DER', () => {
    const der = Buffer.from([1, 2, 3, 4]);
    expect(handshakeLine(4242, der)).toBe('1|6|tcp|127.0.0.1:4242|grpc|AQIDBA\n');
    expect(handshakeLine(4242)).toBe('1|6|tcp|127.0.0.1:4242|grpc\n');
  });

  it('GIVEN no magic cookie WHEN started THEN it says it is a plugin', () => {
    expect(handshakeProblem({})).toContain('This binary is a plugin.');
    expect(handshakeProblem({ TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE })).toBeNull();
    expect(
      handshakeProblem({ TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5' }),
    ).toBe(
      'terraform-provider-nssv speaks plugin protocol 6 only; this Terraform offers 5: use Terraform 1.0 or later.\n',
    );
  });

  it('GIVEN the server certificate THEN it is a self-signed CA for localhost, for server and client auth', () => {
    const c = selfSignedCertificate(new Date('2026-01-01T00:00:00Z'));
    const x = new X509Certificate(c.der);
    expect(x.subjectAltName).toBe('DNS:localhost');
    expect(x.ca).toBe(true);
    expect(x.verify(x.publicKey)).toBe(true);
    expect(x.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    expect(x.validFrom).toBe('Dec 31 23:59:30 2025 GMT');
    expect(x.checkPrivateKey(createPrivateKey(c.keyPem))).toBe(true);
  });
});
