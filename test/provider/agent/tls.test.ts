import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentError } from '../../../provider/agent/agentError.js';
import { clientTlsFor, explainConnectionError } from '../../../provider/agent/tls.js';

describe('clientTlsFor', () => {
  it('GIVEN an http:// endpoint THEN no TLS', () => {
    expect(
      clientTlsFor({ host: 'h1', endpoint: 'http://10.0.0.11:7400', tlsDir: '/nowhere' }),
    ).toBeUndefined();
  });

  it('GIVEN an https:// endpoint and a TLS directory without files THEN an error that nothing was sent and how to fix it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-client-tls-'));
    try {
      let err: unknown;
      try {
        clientTlsFor({ host: 'h1', endpoint: 'https://10.0.0.11:7400', tlsDir: dir });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AgentError);
      expect((err as AgentError).code).toBe('unreachable');
      expect((err as AgentError).message).toBe(
        `host h1's endpoint https://10.0.0.11:7400 is https://, but nssv cannot read ${dir}/ca.crt (it does not exist); nothing was sent. Fix: set tls_dir of nssv_host "h1" to the TLS directory whose CA issued the agent's certificate (the sandbox's is <sandbox root>/tls), or create the default one with \`nssv agent ca init\` and reinstall the agent with \`nssv agent install\``,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('explainConnectionError', () => {
  const target = { host: 'h1', endpoint: 'https://10.0.0.11:7400', tlsDir: '/t' };

  it('GIVEN a certificate of another CA THEN says nssv sent nothing, which CA it pins and the fix', () => {
    expect(
      explainConnectionError(target, {
        code: 'SELF_SIGNED_CERT_IN_CHAIN',
        message: 'self-signed certificate in certificate chain',
      }),
    ).toBe(
      'the agent of host h1 at https://10.0.0.11:7400 presented a certificate nssv does not trust (SELF_SIGNED_CERT_IN_CHAIN: self-signed certificate in certificate chain); nssv sent no request. It must be signed by the CA in /t/ca.crt and name the endpoint\'s address. Fix: reissue the agent\'s certificate from that CA with `nssv agent install --host h1 --address <its address>`, or set tls_dir of nssv_host "h1" to the directory of the CA that issued it',
    );
  });

  it('GIVEN a closed connection on http:// THEN says to use https://; on https:// or another error THEN nothing to add', () => {
    expect(
      explainConnectionError({ ...target, endpoint: 'http://10.0.0.11:7400' }, { code: 'ECONNRESET' }),
    ).toBe(
      'the agent of host h1 at http://10.0.0.11:7400 closed the connection (ECONNRESET); an agent installed by nssv speaks only HTTPS with mutual TLS. Fix: use https:// in the endpoint of nssv_host "h1"',
    );
    expect(explainConnectionError(target, { code: 'ECONNRESET' })).toBeUndefined();
    expect(explainConnectionError(target, { code: 'ECONNREFUSED' })).toBeUndefined();
  });
});
