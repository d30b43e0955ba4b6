import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../../core/diagnostic.js';
import { loadConfig } from '../../../engine/files/loadConfig.js';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '../../../schemas');

async function load(tf: string, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-settings-'));
  writeFileSync(join(dir, 'main.tf'), tf);
  return loadConfig(dir, { schemaDir, env });
}
const shape = (d: Diagnostic) => ({
  code: d.code,
  at: `${d.range?.file}:${d.range?.line}:${d.range?.column}`,
  summary: d.summary,
});

const ENCRYPTION = `
variable "passphrase" {
  type      = string
  sensitive = true
}
terraform {
  encryption {
    key_provider "pbkdf2" "k" {
      passphrase = var.passphrase
      iterations = 200000
    }
    method "aes_gcm" "m" {
      keys = key_provider.pbkdf2.k
    }
    method "unencrypted" "migrate" {}
    state {
      method = method.aes_gcm.m
      fallback {
        method = method.unencrypted.migrate
      }
    }
    plan {
      method = method.aes_gcm.m
    }
  }
}
`;

describe('terraform { backend / encryption } settings', () => {
  test('GIVEN no terraform block THEN the state is local and plain', async () => {
    const c = await load('');
    expect(c.diagnostics).toEqual([]);
    expect(c.settings).toEqual({ backend: { type: 'local' } });
  });

  test('GIVEN backend "pg" WHEN conn_str is absent THEN PG_CONN_STR is used; schema_name defaults to nssv_remote_state', async () => {
    const c = await load('terraform {\n  backend "pg" {}\n}\n', { PG_CONN_STR: 'postgres://u@db/nssv' });
    expect(c.diagnostics).toEqual([]);
    expect(c.settings!.backend).toMatchObject({
      type: 'pg',
      connStr: 'postgres://u@db/nssv',
      schemaName: 'nssv_remote_state',
    });
    const given = await load(
      'terraform {\n  backend "pg" {\n    conn_str = "postgres://a@b/c"\n    schema_name = "team_a"\n  }\n}\n',
    );
    expect(given.settings!.backend).toMatchObject({ connStr: 'postgres://a@b/c', schemaName: 'team_a' });
  });

  test('GIVEN backend "pg" without any connection string or with a variable THEN errors at the place', async () => {
    const none = await load('terraform {\n  backend "pg" {}\n}\n');
    expect(none.diagnostics.map(shape)).toEqual([
      {
        code: 'NSSV_BACKEND_NO_CONN_STR',
        at: 'main.tf:2:3',
        summary: 'the "pg" backend has no connection string',
      },
    ]);
    const ref = await load(
      'variable "c" {\n  default = "x"\n}\nterraform {\n  backend "pg" {\n    conn_str = var.c\n  }\n}\n',
    );
    expect(ref.diagnostics.map(shape)).toEqual([
      {
        code: 'NSSV_CONFIG_INVALID_ARGUMENT',
        at: 'main.tf:6:16',
        summary: 'Invalid value for "conn_str" in the backend "pg" block',
      },
      {
        code: 'NSSV_BACKEND_NO_CONN_STR',
        at: 'main.tf:5:3',
        summary: 'the "pg" backend has no connection string',
      },
    ]);
  });

  test('GIVEN OpenTofu encryption with a variable passphrase THEN it is evaluated with its fallback', async () => {
    const c = await load(ENCRYPTION, { TF_VAR_passphrase: 'a passphrase of 16+ chars' });
    expect(c.diagnostics).toEqual([]);
    expect(c.settings!.encryption).toEqual({
      keyProviders: {
        'pbkdf2.k': {
          type: 'pbkdf2',
          name: 'k',
          passphrase: 'a passphrase of 16+ chars',
          keyLength: 32,
          iterations: 200000,
          saltLength: 32,
          hashFunction: 'sha512',
        },
      },
      methods: {
        'aes_gcm.m': { type: 'aes_gcm', name: 'm', keys: 'pbkdf2.k' },
        'unencrypted.migrate': { type: 'unencrypted', name: 'migrate' },
      },
      state: { method: 'aes_gcm.m', enforced: false, fallback: 'unencrypted.migrate' },
      plan: { method: 'aes_gcm.m', enforced: false },
    });
  });

  test('GIVEN a short passphrase, few iterations, an undeclared method and an unknown key provider THEN each is reported where it is', async () => {
    const c = await load(`terraform {
  encryption {
    key_provider "pbkdf2" "k" {
      passphrase = "short"
      iterations = 1000
    }
    key_provider "aws_kms" "kms" {}
    method "aes_gcm" "m" {
      keys = key_provider.pbkdf2.k
    }
    state {
      method = method.aes_gcm.n
    }
  }
}
`);
    expect(c.diagnostics.map(shape)).toEqual([
      {
        code: 'NSSV_ENCRYPTION_INVALID',
        at: 'main.tf:4:20',
        summary: 'Invalid passphrase: 5 characters (the value is not shown)',
      },
      { code: 'NSSV_ENCRYPTION_INVALID', at: 'main.tf:5:20', summary: 'Invalid iterations: 1000' },
      {
        code: 'NSSV_NOT_SUPPORTED_YET',
        at: 'main.tf:7:5',
        summary: 'the key provider "aws_kms" is not supported',
      },
      {
        code: 'NSSV_ENCRYPTION_UNDECLARED',
        at: 'main.tf:12:16',
        summary: 'Reference to undeclared method method.aes_gcm.n',
      },
    ]);
    expect(JSON.stringify(c.diagnostics)).not.toContain('short');
  });
});
