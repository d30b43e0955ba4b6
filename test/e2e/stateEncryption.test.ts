import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGatedAgent, type GatedAgent } from '../helpers/gatedAgent.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { nssv } from './support.js';

jest.setTimeout(180_000);

const TOKEN = 'tok-9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b';
const RIGHT = { TF_VAR_passphrase: 'the right passphrase, long enough' };
const WRONG = { TF_VAR_passphrase: 'a wrong passphrase, also long enough' };

function config(endpoint: string, backend = ''): string {
  return `variable "passphrase" {
  type      = string
  sensitive = true
}
terraform {
  ${backend}
  encryption {
    key_provider "pbkdf2" "k" {
      passphrase = var.passphrase
      iterations = 200000
    }
    method "aes_gcm" "m" {
      keys = key_provider.pbkdf2.k
    }
    state {
      method = method.aes_gcm.m
    }
    plan {
      method = method.aes_gcm.m
    }
  }
}
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

let agent: GatedAgent;
let pg: TestPostgres;
beforeAll(async () => {
  agent = await startGatedAgent('h1', TOKEN, false);
  pg = await startPostgres();
});
afterAll(async () => {
  await agent?.close();
  await pg?.stop();
});

function dirWith(tf: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-i13-enc-'));
  writeFileSync(join(dir, 'main.tf'), tf);
  return dir;
}

describe('encryption at rest through the CLI', () => {
  test('GIVEN an encrypted local state THEN the token is not in its bytes; the right key plans "No changes", a wrong one fails and writes nothing', async () => {
    const dir = dirWith(config(agent.endpoint));
    const applied = await nssv(['apply', '-auto-approve'], dir, RIGHT);
    expect(applied.code).toBe(0);
    expect(applied.stdout + applied.stderr).not.toContain(TOKEN);
    const bytes = readFileSync(join(dir, 'nssv.tfstate'));
    expect(bytes.includes(TOKEN)).toBe(false);
    expect(bytes.includes('nssv_host')).toBe(false);

    const plan = await nssv(['plan', '-detailed-exitcode'], dir, RIGHT);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes.');

    const wrong = await nssv(['apply', '-auto-approve'], dir, WRONG);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(
      `Error: the state ${join(dir, 'nssv.tfstate')} cannot be decrypted with method.aes_gcm.m: wrong passphrase or key`,
    );
    expect(readFileSync(join(dir, 'nssv.tfstate')).equals(bytes)).toBe(true);
    const pulled = await nssv(['state', 'pull'], dir, RIGHT);
    expect(JSON.parse(pulled.stdout).resources).toHaveLength(3);
  });

  test('GIVEN plan encryption THEN the saved plan holds no token and applies only with the key', async () => {
    const dir = dirWith(config(agent.endpoint));
    const saved = await nssv(['plan', '-out', 'p.plan'], dir, RIGHT);
    expect(saved.code).toBe(0);
    expect(readFileSync(join(dir, 'p.plan')).includes(TOKEN)).toBe(false);
    const wrong = await nssv(['apply', 'p.plan'], dir, WRONG);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('the plan file p.plan cannot be decrypted with method.aes_gcm.m');
    const ok = await nssv(['apply', 'p.plan'], dir, RIGHT);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.');
  });

  test('GIVEN backend "pg" with encryption THEN the rows hold no token, and history versions decrypt with the key', async () => {
    const dir = dirWith(
      config(
        agent.endpoint,
        `backend "pg" {\n    conn_str    = "${pg.connStr}"\n    schema_name = "enc"\n  }`,
      ),
    );
    expect((await nssv(['init'], dir, RIGHT)).code).toBe(0);
    expect((await nssv(['apply', '-auto-approve'], dir, RIGHT)).code).toBe(0);
    expect(await pg.sql(`SELECT count(*) FROM enc.state_history WHERE data LIKE '%${TOKEN}%'`)).toBe('0');
    expect(await pg.sql(`SELECT count(*) FROM enc.states WHERE data LIKE '%encryption_version%'`)).toBe('1');
    const first = await nssv(['state', 'pull', '-serial', '1'], dir, RIGHT);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).serial).toBe(1);
    const wrong = await nssv(['state', 'pull'], dir, WRONG);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('cannot be decrypted with method.aes_gcm.m: wrong passphrase or key');
  });

  test('GIVEN no encryption THEN plan output, JSON plan and apply events never show the host token', async () => {
    const dir = dirWith(config(agent.endpoint).slice(config(agent.endpoint).indexOf('resource ')));
    const plan = await nssv(['plan'], dir);
    const json = await nssv(['plan', '--json'], dir);
    const applied = await nssv(['apply', '-auto-approve'], dir);
    expect(applied.code).toBe(0);
    for (const out of [plan, json, applied]) expect(out.stdout + out.stderr).not.toContain(TOKEN);
    expect(plan.stdout).toContain('      + token       = (sensitive value)\n');
  });
});
