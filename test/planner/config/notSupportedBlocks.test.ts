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
  it('GIVEN a moved block WHEN loaded THEN NSSV_NOT_SUPPORTED_YET names both addresses and the fix', async () => {
    const diags = await diagsOf({
      'main.tf': VM + '\nmoved {\n  from = nssv_vm.frontend\n  to   = nssv_vm.web1\n}\n',
    });
    expect(diags.map(shape)).toEqual([
      {
        severity: 'error',
        code: 'NSSV_NOT_SUPPORTED_YET',
        at: 'main.tf:6:1',
        summary:
          'moved blocks are not supported yet: nssv would destroy nssv_vm.frontend and create nssv_vm.web1 instead of moving it',
        detail:
          'nssv validate and plan refuse the block rather than ignore it. Fix: remove the moved block and accept the replacement, or keep the old address (rename nssv_vm.web1 back to nssv_vm.frontend).',
      },
    ]);
  });

  it('GIVEN a moved block with instance keys in JSON syntax WHEN loaded THEN the addresses keep their keys', async () => {
    const diags = await diagsOf({
      'main.tf.json': JSON.stringify({ moved: [{ from: 'nssv_vm.a[0]', to: 'module.m.nssv_vm.b["x"]' }] }),
    });
    expect(diags.map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_NOT_SUPPORTED_YET',
        'moved blocks are not supported yet: nssv would destroy nssv_vm.a[0] and create module.m.nssv_vm.b["x"] instead of moving it',
      ],
    ]);
  });

  it('GIVEN an import block WHEN loaded THEN NSSV_NOT_SUPPORTED_YET says nssv would create a new object instead', async () => {
    const diags = await diagsOf({
      'main.tf': VM + '\nimport {\n  to = nssv_vm.web1\n  id = "vm-123"\n}\n',
    });
    expect(diags.map(shape)).toEqual([
      {
        severity: 'error',
        code: 'NSSV_NOT_SUPPORTED_YET',
        at: 'main.tf:6:1',
        summary:
          'import blocks are not supported yet: nssv would plan to create nssv_vm.web1 as a new object instead of taking over the existing object "vm-123"',
        detail:
          'nssv only manages objects it created; a create whose name already exists on its hosts fails the plan with NSSV_ALREADY_EXISTS. Fix: remove the import block, and either delete the existing object so nssv can create nssv_vm.web1, or leave it out of this configuration.',
      },
    ]);
  });

  it('GIVEN a removed block WHEN loaded THEN NSSV_NOT_SUPPORTED_YET says nssv would destroy the object', async () => {
    const diags = await diagsOf({
      'main.tf': VM + '\nremoved {\n  from = nssv_vm.old\n  lifecycle {\n    destroy = false\n  }\n}\n',
    });
    expect(diags.map(shape)).toEqual([
      {
        severity: 'error',
        code: 'NSSV_NOT_SUPPORTED_YET',
        at: 'main.tf:6:1',
        summary:
          'removed blocks are not supported yet: nssv would destroy nssv_vm.old instead of only forgetting it',
        detail:
          'nssv destroys every object whose resource is no longer in the configuration; it cannot drop an object from its state and leave it running. Fix: remove the removed block, and keep the resource block of nssv_vm.old in the configuration if the object must stay.',
      },
    ]);
  });

  it('GIVEN a removed block with destroy = true WHEN loaded THEN the error says the destroy happens anyway', async () => {
    const diags = await diagsOf({
      'main.tf': 'removed {\n  from = nssv_vm.old\n  lifecycle {\n    destroy = true\n  }\n}\n',
    });
    expect(diags.map((d) => [d.code, d.summary, d.detail])).toEqual([
      [
        'NSSV_NOT_SUPPORTED_YET',
        'removed blocks are not supported yet: nssv destroys nssv_vm.old anyway, because its resource is no longer in the configuration',
        'Fix: remove the removed block; the destroy happens without it.',
      ],
    ]);
  });

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
          'the "s3" backend is not supported: nssv keeps state in nssv.tfstate next to the configuration',
        detail:
          'nssv would neither read nor write state through the "s3" backend. Fix: remove the backend block.',
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

  it('GIVEN a data block WHEN loaded THEN it is still reported', async () => {
    const diags = await diagsOf({ 'main.tf': 'data "nssv_vm" "x" {\n  name = "x"\n}\n' });
    expect(diags.map((d) => [d.code, `${d.range?.line}:${d.range?.column}`])).toEqual([
      ['NSSV_CONFIG_UNSUPPORTED', '1:1'],
    ]);
  });
});
