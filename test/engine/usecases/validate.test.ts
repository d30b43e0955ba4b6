import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '../../../core/diagnostic.js';
import { loadAndValidate } from '../../../engine/plan/loadAndValidate.js';
import { runValidate } from '../../../engine/usecases/validate.js';

/** `nssv validate` checks a configuration as `terraform validate` does: for whatever values it gets. */
function configDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-validate-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const shape = (d: Diagnostic) => ({
  code: d.code,
  at: `${d.range?.file}:${d.range?.line}:${d.range?.column}`,
  summary: d.summary,
});

const VARIABLES = `variable "n" {
  type = number
}

variable "names" {
  type = set(string)
}

variable "memory_mib" {
  type = number
  validation {
    condition     = var.memory_mib >= 64
    error_message = "A VM needs at least 64 MiB."
  }
}
`;

const RESOURCES = `resource "nssv_datacenter" "dc" {
  count = var.n
  name  = "dc-\${count.index}"
}

resource "nssv_cluster" "c" {
  for_each      = var.names
  name          = each.key
  datacenter_id = nssv_datacenter.dc[0].id
}

module "m" {
  source = "./mod"
  count  = var.n
  dc     = nssv_datacenter.dc[0].id
}

output "doubled" {
  value = var.memory_mib * 2
}
`;

const MODULE = `variable "dc" {
  type = string
}

resource "nssv_cluster" "c" {
  name          = "in-module"
  datacenter_id = var.dc
}
`;

describe('nssv validate', () => {
  it('GIVEN required variables with no value and count/for_each from them WHEN validated THEN it is valid, as terraform validate says', async () => {
    const dir = configDir({ 'main.tf': VARIABLES + RESOURCES, 'mod/main.tf': MODULE });
    expect((await runValidate(dir, { env: {} })).map(shape)).toEqual([]);
  });

  it('GIVEN the same configuration WHEN loaded for a plan THEN each variable without a value is an error', async () => {
    const dir = configDir({ 'main.tf': VARIABLES + RESOURCES, 'mod/main.tf': MODULE });
    const { diagnostics } = await loadAndValidate(dir, { env: {} });
    expect(diagnostics.map(shape)).toEqual([
      {
        code: 'NSSV_CONFIG_MISSING_VARIABLE',
        at: 'main.tf:1:10',
        summary: 'No value for required variable "n"',
      },
      {
        code: 'NSSV_CONFIG_MISSING_VARIABLE',
        at: 'main.tf:5:10',
        summary: 'No value for required variable "names"',
      },
      {
        code: 'NSSV_CONFIG_MISSING_VARIABLE',
        at: 'main.tf:9:10',
        summary: 'No value for required variable "memory_mib"',
      },
    ]);
  });

  it('GIVEN blocks whose count or for_each is unknown WHEN their bodies are wrong THEN the one instance [*] that stands for them all says so', async () => {
    const dir = configDir({
      'main.tf': (VARIABLES + RESOURCES)
        .replace('  name  = "dc-${count.index}"', '  name  = "dc-${count.index}"\n  bogus = 1')
        .replace('  name          = each.key', '  name          = each.key\n  cpu_overcommit = 2'),
      'mod/main.tf': MODULE.replace(
        '  name          = "in-module"',
        '  name          = "in-module"\n  oops = true',
      ),
    });
    expect((await runValidate(dir, { env: {} })).map((d) => d.summary)).toEqual([
      'Unsupported argument "bogus" in nssv_datacenter.dc[*].',
      'Unsupported argument "cpu_overcommit" in nssv_cluster.c[*]: did you mean "cpu_overcommit_ratio"?',
      'Unsupported argument "oops" in module.m[*].nssv_cluster.c.',
    ]);
  });

  it('GIVEN blocks whose count or for_each is unknown WHEN an attribute of theirs that does not exist is referenced THEN it is an error', async () => {
    const dir = configDir({
      'main.tf': (VARIABLES + RESOURCES)
        .replace('datacenter_id = nssv_datacenter.dc[0].id', 'datacenter_id = nssv_datacenter.dc[0].nope')
        .replace('  value = var.memory_mib * 2', '  value = module.m[0].nope'),
      'mod/main.tf': MODULE,
    });
    expect((await runValidate(dir, { env: {} })).map((d) => [d.summary, d.detail])).toEqual([
      ['Unsupported attribute', 'This object does not have an attribute named "nope". Did you mean "name"?'],
      ['Unsupported attribute', 'This object does not have an attribute named "nope".'],
    ]);
  });

  it('GIVEN values given for the variables WHEN validated THEN they are checked and used', async () => {
    const dir = configDir({ 'main.tf': VARIABLES + RESOURCES, 'mod/main.tf': MODULE });
    const diags = await runValidate(dir, {
      env: {},
      vars: [
        { name: 'n', value: 'two' },
        { name: 'memory_mib', value: '32' },
      ],
    });
    expect(diags.map((d) => [d.code, d.summary])).toEqual([
      ['NSSV_CONFIG_INVALID_VARIABLE_VALUE', 'Invalid value for variable "n"'],
      ['NSSV_CONFIG_VARIABLE_VALIDATION', 'Invalid value for variable "memory_mib"'],
    ]);
  });

  it('GIVEN a count that depends on a resource attribute WHEN validated THEN it is valid; WHEN loaded for a plan THEN it is an error', async () => {
    const dir = configDir({
      'main.tf': `resource "nssv_datacenter" "dc" {
  name = "dc"
}

resource "nssv_cluster" "c" {
  name          = "c"
  datacenter_id = nssv_datacenter.dc.id
}

resource "nssv_host" "h1" {
  name       = "h1"
  cluster_id = nssv_cluster.c.id
  endpoint   = "https://10.0.0.1:7700"
  token      = "not-a-secret-but-long-enough-for-a-token"
}

resource "nssv_cluster" "per_cpu" {
  count         = nssv_host.h1.cpus
  name          = "c\${count.index}"
  datacenter_id = nssv_datacenter.dc.id
}
`,
    });
    expect((await runValidate(dir, { env: {} })).map(shape)).toEqual([]);
    const { diagnostics } = await loadAndValidate(dir, { env: {} });
    expect(diagnostics.map(shape)).toEqual([
      { code: 'NSSV_CONFIG_INVALID_COUNT', at: 'main.tf:18:19', summary: 'Invalid count argument' },
    ]);
  });
});
