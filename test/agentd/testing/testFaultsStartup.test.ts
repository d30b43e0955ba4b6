/**
 * The built agentd with the test-only fault switch: refused before it listens unless it listens
 * on loopback (dist/agentd/main.js, as the sandbox and a systemd unit start it).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { defaultAgentdMain } from '../../../sandbox/agent.js';
import { describeE2e } from '../../helpers/e2e.js';

describeE2e(
  'agentd start-up with NSSV_AGENT_TEST_FAULTS',
  { files: [{ path: defaultAgentdMain(), make: 'npm run build' }] },
  () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'nssv-faults-startup-'));
      await writeFile(join(dir, 'token'), 'a'.repeat(64) + '\n', { mode: 0o600 });
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    const start = async (host: string, value: string) => {
      const config = join(dir, `agentd-${host}.json`);
      await writeFile(
        config,
        JSON.stringify({
          hostName: 'h1',
          listen: { host, port: 1 },
          tokenFile: join(dir, 'token'),
          libvirtUri: 'qemu:///system?socket=/nonexistent',
          domainType: 'qemu',
          ovsDbSocket: '/nonexistent/db.sock',
          storageRoot: join(dir, 'storage'),
          stateDir: join(dir, 'state'),
          shutdownTimeoutMs: 1000,
        }),
      );
      return execa(process.execPath, [defaultAgentdMain(), '--config', config], {
        reject: false,
        env: { NSSV_AGENT_TEST_FAULTS: value },
        timeout: 20_000,
      });
    };

    it('GIVEN the switch on an agent listening on 0.0.0.0 WHEN agentd starts THEN it exits 1 before listening, saying why', async () => {
      const r = await start('0.0.0.0', '1');
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toBe(
        'agentd: NSSV_AGENT_TEST_FAULTS=1 makes agentd fail requests on purpose and is only allowed on an agent listening on a loopback address (127.0.0.0/8, ::1, localhost), not on 0.0.0.0; unset it',
      );
    });

    it('GIVEN a misspelt value WHEN agentd starts THEN it exits 1 rather than run without the switch', async () => {
      const r = await start('127.0.0.1', 'yes');
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toBe(
        'agentd: NSSV_AGENT_TEST_FAULTS="yes" is not understood: unset it (production) or set it to "1" (tests only)',
      );
    });
  },
);
