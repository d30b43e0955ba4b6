import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateConfig } from '../../../agentd/config-load.js';
import { installAgent, InstallError, type AgentInstallOptions } from '../../../agentd/install/install.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nssv-install-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const options = (over: Partial<AgentInstallOptions> = {}): AgentInstallOptions => ({
  host: 'h1',
  addresses: ['10.0.0.11'],
  dnsNames: ['h1.example'],
  port: 7400,
  listenHost: '0.0.0.0',
  root: join(dir, 'root'),
  tlsDir: join(dir, 'tls'),
  node: '/usr/bin/node',
  agentdMain: '/opt/nssv/dist/agentd/main.js',
  ...over,
});

describe('installAgent', () => {
  it('GIVEN a host WHEN installed under a root THEN writes a valid config, a 0600 token, the key pair and a systemd unit, and creates the CA', async () => {
    const r = await installAgent(options());
    const root = join(dir, 'root');
    expect(r).toEqual({
      host: 'h1',
      root,
      endpoint: 'https://10.0.0.11:7400',
      tlsDir: join(dir, 'tls'),
      createdCa: true,
      newToken: true,
      files: [
        join(root, 'etc/nssv/tls/agent.crt'),
        join(root, 'etc/nssv/tls/agent.key'),
        join(root, 'etc/nssv/tls/client-ca.crt'),
        join(root, 'etc/nssv/token'),
        join(root, 'etc/nssv/agentd.json'),
        join(root, 'etc/systemd/system/nssv-agentd.service'),
      ],
    });
    const config = JSON.parse(readFileSync(join(root, 'etc/nssv/agentd.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(validateConfig(config)).toEqual([]);
    expect(config.tls).toEqual({
      certFile: '/etc/nssv/tls/agent.crt',
      keyFile: '/etc/nssv/tls/agent.key',
      clientCaFile: '/etc/nssv/tls/client-ca.crt',
    });
    expect(config.listen).toEqual({ host: '0.0.0.0', port: 7400 });
    expect(readFileSync(join(root, 'etc/nssv/token'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect((statSync(join(root, 'etc/nssv/token')).mode & 0o777).toString(8)).toBe('600');
    const unit = readFileSync(join(root, 'etc/systemd/system/nssv-agentd.service'), 'utf8');
    expect(unit).toContain(
      'ExecStart=/usr/bin/node /opt/nssv/dist/agentd/main.js --config /etc/nssv/agentd.json\n',
    );
    expect(unit).toContain('ExecReload=/bin/kill -HUP $MAINPID\n');
  });

  it('GIVEN an existing token WHEN installed again THEN the token is kept and the CA reused', async () => {
    await installAgent(options());
    const tokenFile = join(dir, 'root/etc/nssv/token');
    writeFileSync(tokenFile, 'c'.repeat(64) + '\n');
    const again = await installAgent(options());
    expect([again.createdCa, again.newToken]).toEqual([false, false]);
    expect(readFileSync(tokenFile, 'utf8')).toBe('c'.repeat(64) + '\n');
  });

  it('GIVEN bad flags THEN lists every problem and writes nothing', async () => {
    const err = await installAgent(
      options({
        host: 'H1',
        addresses: ['x'],
        dnsNames: ['-bad'],
        port: 0,
        node: 'node',
        agentdMain: '/a b/main.js',
      }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InstallError);
    expect((err as InstallError).message).toBe(
      [
        'Cannot install the agent of host "H1":',
        '  - --host "H1": use lower-case letters, digits and \'-\', starting with a letter',
        '  - --address "x" is not an IP address',
        '  - --dns "-bad" is not a DNS name',
        '  - --port 0 must be a whole number from 1 to 65535',
        "  - --node \"node\" must be an absolute path without spaces, quotes, '%', '$', ';' or '\\\\'",
        "  - --agentd \"/a b/main.js\" must be an absolute path without spaces, quotes, '%', '$', ';' or '\\\\'",
      ].join('\n'),
    );
    expect(() => statSync(join(dir, 'root'))).toThrow();
    expect(() => statSync(join(dir, 'tls'))).toThrow();
  });

  it('GIVEN an IPv6 address THEN the endpoint brackets it', async () => {
    expect((await installAgent(options({ addresses: ['::1'] }))).endpoint).toBe('https://[::1]:7400');
  });
});
