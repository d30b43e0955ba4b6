import { defaultTlsDir, tlsFile } from '../../core/tlsDir.js';

describe('defaultTlsDir', () => {
  it('GIVEN NSSV_TLS_DIR THEN it wins', () => {
    expect(defaultTlsDir({ NSSV_TLS_DIR: '/srv/tls', XDG_CONFIG_HOME: '/x' }, '/home/me')).toBe('/srv/tls');
  });
  it('GIVEN XDG_CONFIG_HOME THEN <it>/nssv/tls', () => {
    expect(defaultTlsDir({ XDG_CONFIG_HOME: '/x' }, '/home/me')).toBe('/x/nssv/tls');
  });
  it('GIVEN neither THEN ~/.config/nssv/tls', () => {
    expect(defaultTlsDir({}, '/home/me/')).toBe('/home/me/.config/nssv/tls');
  });
});

describe('tlsFile', () => {
  it('names the files of a TLS directory', () => {
    expect([
      tlsFile('/t/', 'caCert'),
      tlsFile('/t', 'caKey'),
      tlsFile('/t', 'clientCert'),
      tlsFile('/t', 'clientKey'),
    ]).toEqual(['/t/ca.crt', '/t/ca.key', '/t/client.crt', '/t/client.key']);
  });
});
