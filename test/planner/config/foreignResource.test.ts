/**
 * A cdktf stack with nssv constructs, @cdktf/provider-null's null_resource and Terraform's built-in
 * terraform_data: nssv refuses the two foreign resources by address, saying why (provisioners and
 * replacement triggers it would skip) and how to fix it; the provider "null" block and its
 * required_providers entry are not errors; nothing else is reported.
 */
import { jest } from '@jest/globals';
import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAndValidate } from '../../../engine/plan/loadAndValidate.js';
import { foreignResourceType } from '../../../planner/config/foreignResource.js';
import { repo } from '../../helpers/cdkExample.js';

jest.setTimeout(60_000);

it('GIVEN null_resource and terraform_data in a cdktf stack WHEN validated THEN each is refused naming the resource, the reason and the fix', async () => {
  const r = await execa(
    process.execPath,
    [
      '--import',
      join(repo, 'bench/register.mjs'),
      join(repo, 'test/fixtures/constructs/withNullResource.ts'),
    ],
    { env: { NSSV_CDK_LIBRARY: 'cdktf' } },
  );
  const dir = mkdtempSync(join(tmpdir(), 'nssv-foreign-'));
  writeFileSync(join(dir, 'cdk.tf.json'), r.stdout);
  const { diagnostics } = await loadAndValidate(dir, { env: {} });
  expect(diagnostics.map((d) => [d.severity, d.code, d.address, d.summary, d.detail])).toEqual([
    [
      'error',
      'NSSV_CONFIG_FOREIGN_RESOURCE',
      'null_resource.announce',
      'null_resource.announce: resource type "null_resource" belongs to the "null" provider, which nssv does not run',
      'null_resource (the null provider) exists to run provisioners and to trigger replacements; nssv runs neither, so it refuses the resource rather than skip what it is there for. Fix: move null_resource.announce to a configuration Terraform applies, or apply this one with terraform through the nssv provider (docs/cdk.md, "Other providers").',
    ],
    [
      'error',
      'NSSV_CONFIG_FOREIGN_RESOURCE',
      'terraform_data.marker',
      'terraform_data.marker: resource type "terraform_data" belongs to the "terraform" provider, which nssv does not run',
      'terraform_data (Terraform\'s built-in) exists to run provisioners and to trigger replacements (replace_triggered_by); nssv runs neither, so it refuses the resource rather than skip what it is there for. Fix: move terraform_data.marker to a configuration Terraform applies, or apply this one with terraform through the nssv provider (docs/cdk.md, "Other providers").',
    ],
  ]);
});

it('GIVEN a resource of any other provider WHEN checked THEN it is named as that provider; nssv_ types are left to the schema check', () => {
  const range = { file: 'main.tf', line: 1, column: 1 };
  expect(foreignResourceType(range, 'aws_instance.web', 'aws_instance')?.summary).toBe(
    'aws_instance.web: resource type "aws_instance" belongs to the "aws" provider, which nssv does not run',
  );
  expect(foreignResourceType(range, 'aws_instance.web', 'aws_instance')?.detail).toBe(
    'nssv plans and applies nssv_* resources only. Fix: move aws_instance.web to a configuration Terraform applies, or apply this one with terraform through the nssv provider (docs/cdk.md, "Other providers").',
  );
  expect(foreignResourceType(range, 'nssv_vmm.x', 'nssv_vmm')).toBeUndefined();
  expect(foreignResourceType(range, 'vm.x', 'vm')).toBeUndefined();
});
