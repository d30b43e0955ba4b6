/**
 * SIGKILL of an apply while its steps' changes sit in the state's change log: every step the
 * CLI reported done is in the state afterwards, and the next apply converges with no duplicate
 * and nothing left over. Stand-in agents (agentd's own HTTP layer over in-memory hosts,
 * bench/standinAgent.ts) make the 600 steps fast enough to kill in the middle.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandIn, type StandIn } from '../../../bench/standinAgent.js';
import { fleetConfig } from '../../../bench/fleetConfig.js';
import { LocalStateStore } from '../../../provider/state/localState.js';
import { nssv, repo } from '../../e2e/support.js';

const VMS = 300;

/** Starts `nssv apply`, SIGKILLs it once `after` steps are reported complete; the addresses reported. */
async function applyKilledAfter(dir: string, after: number): Promise<string[]> {
  const child = spawn(process.execPath, [join(repo, 'bin/nssv.cjs'), 'apply', '-auto-approve', '-no-color'], {
    cwd: dir,
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const done: string[] = [];
  let buf = '';
  child.stderr.on('data', (d: Buffer) => {
    buf += String(d);
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      // Plain progress lines (CI): `<time> <address>: Creation complete …`.
      const m = /(?:^|\s)(\S+): Creation complete/.exec(line);
      if (m) {
        done.push(m[1]!);
        if (done.length === after) child.kill('SIGKILL');
      }
    }
  });
  const signal = await new Promise((r) => child.once('exit', (_c, s) => r(s)));
  expect(signal).toBe('SIGKILL');
  return done;
}

let hosts: StandIn[] = [];
let dir = '';
beforeAll(async () => {
  hosts = await Promise.all(['h1', 'h2', 'h3', 'h4'].map((n) => startStandIn(n)));
  dir = mkdtempSync(join(tmpdir(), 'nssv-apply-killed-'));
  writeFileSync(join(dir, 'main.tf'), fleetConfig(hosts, VMS));
});
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.close()));
  rmSync(dir, { recursive: true, force: true });
});

test('GIVEN an apply killed with SIGKILL between whole state writes WHEN the state is read and applied again THEN every reported step is there, and the second apply converges without duplicates', async () => {
  const reported = await applyKilledAfter(dir, 400);
  // The kill came while changes were only in the log (the whole state is written at 1,000 changes).
  const changes = join(dir, 'nssv.tfstate.changes');
  expect(existsSync(changes)).toBe(true);
  const inFile = (JSON.parse(readFileSync(join(dir, 'nssv.tfstate'), 'utf8')) as { resources: unknown[] })
    .resources;
  expect(inFile.length).toBeLessThan(reported.length);

  const state = await new LocalStateStore(dir).read();
  const recorded = new Set(state.resources.map((r) => r.address));
  expect(reported.filter((a) => !recorded.has(a))).toEqual([]);

  const again = await nssv(['apply', '-auto-approve', '-no-color'], dir);
  expect(again.code).toBe(0);
  const plan = await nssv(['plan', '-detailed-exitcode', '-no-color'], dir);
  expect(plan.stdout).toContain('No changes.');
  expect(plan.code).toBe(0);
  expect(existsSync(changes)).toBe(false);
  const final = await new LocalStateStore(dir).read();
  expect(final.resources).toHaveLength(2 * VMS + 4 + 5);
  // On the agents: exactly one domain and one volume per VM, across the hosts.
  const inventories = await Promise.all(
    hosts.map(async (h) => {
      const res = await fetch(`${h.endpoint}/v1/inventory`, {
        headers: { authorization: `Bearer ${h.token}` },
      });
      return (await res.json()) as { domains: { name: string }[]; volumes: { name: string }[] };
    }),
  );
  const domains = inventories.flatMap((i) => i.domains.map((d) => d.name)).sort();
  const volumes = inventories.flatMap((i) => i.volumes.map((v) => v.name)).sort();
  expect(domains).toEqual(Array.from({ length: VMS }, (_, i) => `vm-${i}`).sort());
  expect(volumes).toEqual(Array.from({ length: VMS }, (_, i) => `root-${i}`).sort());
}, 300_000);
