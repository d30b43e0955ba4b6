import { jest } from '@jest/globals';
import { execa } from 'execa';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGatedAgent, type GatedAgent } from '../helpers/gatedAgent.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { nssv, repo } from './support.js';

jest.setTimeout(180_000);

const TOKEN = 'tok-3b9f6d1c8e2a4f7b9c0d1e2f3a4b5c6d';

function config(endpoint: string, terraformBlock = ''): string {
  return `${terraformBlock}
resource "nssv_datacenter" "dc" {
  name = "dc"
}
resource "nssv_cluster" "c1" {
  name          = "c1"
  datacenter_id = nssv_datacenter.dc.id
}
resource "nssv_host" "h1" {
  name       = "h1"
  cluster_id = nssv_cluster.c1.id
  endpoint   = "${endpoint}"
  token      = "${TOKEN}"
}
`;
}
const pgBlock = (connStr: string) => `terraform {
  backend "pg" {
    conn_str    = "${connStr}"
    schema_name = "team_a"
  }
}
`;

let pg: TestPostgres;
let agent: GatedAgent;
beforeAll(async () => {
  pg = await startPostgres();
  agent = await startGatedAgent('h1', TOKEN, false);
});
afterAll(async () => {
  await agent?.close();
  await pg?.stop();
});

function dirWith(tf: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-i13-state-'));
  writeFileSync(join(dir, 'main.tf'), tf);
  return dir;
}

/** Starts `nssv apply` held at its first agent call (lock taken), runs a second apply, then lets the first go on. */
async function concurrentApplies(dir: (endpoint: string) => string | Promise<string>) {
  const slow = await startGatedAgent('h1', TOKEN);
  try {
    const cwd = await dir(slow.endpoint);
    const first = execa(process.execPath, [join(repo, 'bin/nssv.cjs'), 'apply', '-auto-approve'], {
      cwd,
      reject: false,
      env: { CI: 'true' },
      stdin: 'ignore',
    });
    await Promise.race([
      slow.firstRequest,
      first.then((r) => Promise.reject(new Error(`the first apply ended early: ${r.stderr}`))),
    ]);
    const second = await nssv(['apply', '-auto-approve'], cwd);
    slow.open();
    const one = await first;
    return { cwd, firstPid: first.pid!, one, second };
  } finally {
    await slow.close();
  }
}

describe('state backends through the CLI', () => {
  test('GIVEN the local backend WHEN two applies run at once THEN one proceeds and the other names the holder', async () => {
    const r = await concurrentApplies((endpoint) => dirWith(config(endpoint)));
    expect(r.second.code).toBe(1);
    expect(r.second.stderr).toMatch(
      new RegExp(
        `the state is locked by nssv apply \\(pid ${r.firstPid} on [^,]+, since [^;]+; lock ID [0-9a-f-]{36}\\)`,
      ),
    );
    expect(r.one.exitCode).toBe(0);
    expect(r.one.stdout).toContain('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.');
  });

  test('GIVEN backend "pg" WHEN two applies run at once THEN one proceeds and the other names the holder; the replan is empty', async () => {
    const r = await concurrentApplies(async (endpoint) => {
      const d = dirWith(config(endpoint, pgBlock(pg.connStr)));
      const init = await nssv(['init'], d);
      expect(init.stdout).toContain(
        'nssv has been successfully initialized: state in PostgreSQL (schema team_a at',
      );
      return d;
    });
    expect(r.second.code).toBe(1);
    expect(r.second.stderr).toMatch(
      new RegExp(
        `the state is locked by nssv apply \\(pid ${r.firstPid} on [^,]+, since [^;]+; lock ID [0-9a-f-]{36}\\)`,
      ),
    );
    expect(r.second.stderr).toContain('nssv force-unlock ');
    expect(r.one.exitCode).toBe(0);
    expect(await pg.sql("SELECT serial FROM team_a.states WHERE name = 'default'")).not.toBe('');
    const history = await nssv(['state', 'history', '--json'], r.cwd);
    expect(JSON.parse(history.stdout).length).toBeGreaterThan(1);
  });

  test('GIVEN a backend block WHEN nssv init has not run THEN plan refuses rather than start from an empty state', async () => {
    const dir = dirWith(config(agent.endpoint, pgBlock(pg.connStr)));
    const r = await nssv(['plan'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'the configuration keeps state in PostgreSQL (schema team_a at postgresql://postgres@/postgres?host=',
    );
  });

  test('GIVEN an applied local state WHEN migrated to pg and back THEN it round-trips unchanged and the replan is empty', async () => {
    const dir = dirWith(config(agent.endpoint));
    expect((await nssv(['apply', '-auto-approve'], dir)).code).toBe(0);
    const original = readFileSync(join(dir, 'nssv.tfstate'), 'utf8');
    const schema = `rt${process.pid}`;
    const withPg = (s: string) =>
      writeFileSync(join(dir, 'main.tf'), config(agent.endpoint, pgBlock(pg.connStr).replace('team_a', s)));
    withPg(schema);
    const refused = await nssv(['plan'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('but this directory was set up for the local file nssv.tfstate');
    const toPg = await nssv(['init', '-migrate-state'], dir);
    expect(toPg.code).toBe(0);
    expect(toPg.stdout).toMatch(
      /^Copied the state \(serial \d+, lineage [0-9a-f-]+, 3 instance\(s\)\) from the local file nssv.tfstate to PostgreSQL/,
    );
    const pulled = await nssv(['state', 'pull'], dir);
    expect(JSON.parse(pulled.stdout)).toEqual(JSON.parse(original));
    const plan = await nssv(['plan', '-detailed-exitcode'], dir);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes.');
    writeFileSync(join(dir, 'main.tf'), config(agent.endpoint));
    const back = await nssv(['init', '-migrate-state'], dir);
    expect(back.code).toBe(0);
    expect(readFileSync(join(dir, 'nssv.tfstate'), 'utf8')).toBe(original);
    expect((await nssv(['state', 'list'], dir)).stdout).toBe(
      'nssv_cluster.c1\nnssv_datacenter.dc\nnssv_host.h1',
    );
  });

  test('GIVEN a held pg lock of a hung run WHEN force-unlock is given its ID THEN the next apply proceeds', async () => {
    const slow = await startGatedAgent('h1', TOKEN);
    const dir = dirWith(config(slow.endpoint, pgBlock(pg.connStr).replace('team_a', 'hung')));
    try {
      expect((await nssv(['init'], dir)).code).toBe(0);
      const hung = execa(process.execPath, [join(repo, 'bin/nssv.cjs'), 'apply', '-auto-approve'], {
        cwd: dir,
        reject: false,
        env: { CI: 'true' },
        stdin: 'ignore',
      });
      await Promise.race([
        slow.firstRequest,
        hung.then((r) => Promise.reject(new Error(`the apply ended early: ${r.stderr}`))),
      ]);
      const refused = await nssv(['apply', '-auto-approve'], dir);
      const id = /lock ID ([0-9a-f-]{36})/.exec(refused.stderr)![1]!;
      const wrong = await nssv(['force-unlock', '00000000-0000-0000-0000-000000000000'], dir);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain(`, not by lock 00000000-0000-0000-0000-000000000000`);
      const unlocked = await nssv(['force-unlock', id], dir);
      expect(unlocked.code).toBe(0);
      expect(unlocked.stdout).toMatch(
        new RegExp(
          `^Removed the lock held by nssv apply \\(pid ${hung.pid} on .*lock ID ${id}\\)\\. The state is unlocked\\.$`,
        ),
      );
      hung.kill('SIGKILL');
      await hung;
    } finally {
      await slow.close();
    }
    writeFileSync(
      join(dir, 'main.tf'),
      config(agent.endpoint, pgBlock(pg.connStr).replace('team_a', 'hung')),
    );
    const next = await nssv(['apply', '-auto-approve'], dir);
    expect(next.code).toBe(0);
  });
});
