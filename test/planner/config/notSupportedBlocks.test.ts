import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../../core/diagnostic.js';
import { loadConfig } from '../../../engine/files/loadConfig.js';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '../../../schemas');

const VM = 'resource "nssv_vm" "web1" {\n  name       = "web1"\n  cluster_id = "c"\n}\n';

async function diagsOf(files: Record<string, string>): Promise<Diagnostic[]> {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-notsup-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return (await loadConfig(dir, { schemaDir, env: {} })).diagnostics;
}

const shape = (d: Diagnostic) => ({
  severity: d.severity,
  code: d.code,
  at: `${d.range?.file}:${d.range?.line}:${d.range?.column}`,
  summary: d.summary,
  detail: d.detail,
});

describe('Terraform blocks nssv does not support are refused, not ignored', () => {
  it('GIVEN a check block WHEN loaded THEN NSSV_NOT_SUPPORTED_YET says to remove it', async () => {
    const diags = await diagsOf({
      'main.tf':
        VM + '\ncheck "health" {\n  assert {\n    condition     = true\n    error_message = "down"\n  }\n}\n',
    });
    expect(diags.map(shape)).toEqual([
      {
        severity: 'error',
        code: 'NSSV_NOT_SUPPORTED_YET',
        at: 'main.tf:6:1',
        summary:
          'check blocks are not supported yet: nssv would not evaluate the assertions of check "health"',
        detail: 'nssv validate and plan refuse the block rather than ignore it. Fix: remove the check block.',
      },
    ]);
  });

  it('GIVEN a postcondition WHEN loaded THEN NSSV_NOT_SUPPORTED_YET says nssv would not check it, and how to keep the check', async () => {
    const diags = await diagsOf({
      'main.tf':
        'resource "nssv_vm" "web1" {\n  name       = "web1"\n  cluster_id = "c"\n  lifecycle {\n    postcondition {\n      condition     = self.vcpus > 0\n      error_message = "no CPU"\n    }\n  }\n}\n',
    });
    expect(diags.map(shape)).toEqual([
      {
        severity: 'error',
        code: 'NSSV_NOT_SUPPORTED_YET',
        at: 'main.tf:5:5',
        summary: 'postcondition blocks are not supported yet: nssv would not check the condition after apply',
        detail:
          'nssv validate and plan refuse the block rather than ignore it. Fix: remove the postcondition block, or state the condition as a precondition (nssv checks those when it plans).',
      },
    ]);
  });

  it('GIVEN a provisioner and a connection block WHEN loaded THEN each is refused, pointing to user_data', async () => {
    const diags = await diagsOf({
      'main.tf':
        'resource "nssv_vm" "web1" {\n  name       = "web1"\n  cluster_id = "c"\n  connection {\n    host = "10.0.0.5"\n  }\n  provisioner "remote-exec" {\n    inline = ["apt-get install -y nginx"]\n  }\n}\n',
    });
    const fix =
      "nssv validate and plan refuse the block rather than ignore it. Fix: remove it; to run commands in a VM's guest at first boot, set user_data (cloud-init) on the nssv_vm.";
    expect(diags.map(shape)).toEqual([
      {
        severity: 'error',
        code: 'NSSV_NOT_SUPPORTED_YET',
        at: 'main.tf:4:3',
        summary:
          'connection blocks are not supported: nssv runs no provisioners, so it would skip this one in nssv_vm.web1',
        detail: fix,
      },
      {
        severity: 'error',
        code: 'NSSV_NOT_SUPPORTED_YET',
        at: 'main.tf:7:3',
        summary:
          'provisioner blocks are not supported: nssv runs no provisioners, so it would skip this one in nssv_vm.web1',
        detail: fix,
      },
    ]);
  });

  it('GIVEN a backend "s3" block WHEN loaded THEN NSSV_NOT_SUPPORTED_YET points at the backend block', async () => {
    const diags = await diagsOf({
      'main.tf': 'terraform {\n  backend "s3" {\n    bucket = "state"\n  }\n}\n' + VM,
    });
    expect(diags.map(shape)).toEqual([
      {
        severity: 'error',
        code: 'NSSV_NOT_SUPPORTED_YET',
        at: 'main.tf:2:3',
        summary:
          'the "s3" backend is not supported: nssv keeps state in nssv.tfstate next to the configuration, or in PostgreSQL (backend "pg")',
        detail:
          'nssv would neither read nor write state through the "s3" backend. Fix: use backend "pg" { conn_str = "postgres://…" } for shared state, or remove the backend block.',
      },
    ]);
  });

  it('GIVEN a cloud block WHEN loaded THEN NSSV_NOT_SUPPORTED_YET points at it', async () => {
    const diags = await diagsOf({
      'main.tf': 'terraform {\n  cloud {\n    organization = "acme"\n  }\n}\n' + VM,
    });
    expect(diags.map(shape)).toEqual([
      {
        severity: 'error',
        code: 'NSSV_NOT_SUPPORTED_YET',
        at: 'main.tf:2:3',
        summary:
          'the cloud block (HCP Terraform) is not supported: nssv keeps state in nssv.tfstate next to the configuration and runs plans itself',
        detail: 'nssv would neither read nor write state in HCP Terraform. Fix: remove the cloud block.',
      },
    ]);
  });

  it('GIVEN cdktf’s default local backend WHEN loaded THEN it is a warning, not an error', async () => {
    const diags = await diagsOf({
      'main.tf.json': JSON.stringify(
        {
          terraform: {
            backend: { local: { path: '/work/q/terraform.q.tfstate' } },
            required_providers: { nssv: { source: 'nssv/nssv', version: '0.1.0' } },
          },
        },
        null,
        2,
      ),
    });
    expect(diags.map(shape)).toEqual([
      {
        severity: 'warning',
        code: 'NSSV_CONFIG_BACKEND_IGNORED',
        at: 'main.tf.json:3:5',
        summary:
          'the "local" backend\'s settings are ignored: nssv keeps state in nssv.tfstate next to the configuration',
        detail:
          'path = "/work/q/terraform.q.tfstate" is not used. cdktf adds this backend by default, so it is accepted. Fix: remove the backend block to silence this warning.',
      },
    ]);
  });

  it('GIVEN terraform { required_providers, required_version } and a provider block WHEN loaded THEN there is nothing to report', async () => {
    const diags = await diagsOf({
      'main.tf':
        'terraform {\n  required_version = ">= 1.5"\n  required_providers {\n    nssv = {\n      source = "nssv/nssv"\n    }\n  }\n}\n\nprovider "nssv" {}\n' +
        VM,
    });
    expect(diags).toEqual([]);
  });

  it('GIVEN a data block with count WHEN loaded THEN count is refused where it is set', async () => {
    const diags = await diagsOf({ 'main.tf': 'data "nssv_host" "x" {\n  count = 2\n  name  = "x"\n}\n' });
    expect(diags.map((d) => [d.code, `${d.range?.line}:${d.range?.column}`, d.summary])).toEqual([
      ['NSSV_CONFIG_UNSUPPORTED', '2:3', '"count" in a data block is not supported'],
    ]);
  });
});
