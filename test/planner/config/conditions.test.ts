import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../../core/diagnostic.js';
import { loadConfig } from '../../../engine/files/loadConfig.js';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '../../../schemas');

async function load(files: Record<string, string>, known?: Map<string, Record<string, never>>) {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-conditions-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return loadConfig(dir, { schemaDir, env: {}, ...(known ? { known } : {}) });
}

const shape = (d: Diagnostic) => ({
  code: d.code,
  at: `${d.range?.file}:${d.range?.line}:${d.range?.column}`,
  address: d.address,
  summary: d.summary,
  detail: d.detail,
});

const PORTS = 'variable "ports" {\n  type    = list(number)\n  default = [22, 80]\n}\n';
const volumes = (condition: string, message = '"port ${var.ports[count.index]} is not ssh"') =>
  PORTS +
  `resource "nssv_volume" "v" {
  count    = 2
  name     = "v-\${count.index}"
  pool_id  = "local"
  size_gib = 1
  host_id  = "h1"
  lifecycle {
    precondition {
      condition     = ${condition}
      error_message = ${message}
    }
  }
}
`;

describe('preconditions, checked when nssv plans', () => {
  it('GIVEN a resource precondition false for one instance THEN that instance fails with its error_message', async () => {
    const c = await load({ 'main.tf': volumes('var.ports[count.index] == 22') });
    expect(c.diagnostics.map(shape)).toEqual([
      {
        code: 'NSSV_PRECONDITION_FAILED',
        at: 'main.tf:13:23',
        address: 'nssv_volume.v[1]',
        summary: 'nssv_volume.v[1]: precondition failed',
        detail: 'port 80 is not ssh',
      },
    ]);
  });

  it('GIVEN preconditions that hold THEN no diagnostic, and the instances are as without them', async () => {
    const c = await load({ 'main.tf': volumes('var.ports[count.index] > 0') });
    expect(c.diagnostics).toEqual([]);
    expect(c.instances.map((i) => i.address)).toEqual(['nssv_volume.v[0]', 'nssv_volume.v[1]']);
  });

  it('GIVEN a condition known only after apply THEN an error says nssv cannot check it, and how to fix it', async () => {
    const c = await load({
      'main.tf':
        volumes('var.ports[count.index] > 0') +
        'resource "nssv_vm" "app" {\n  name       = "app"\n  cluster_id = "c"\n  lifecycle {\n    precondition {\n      condition     = nssv_volume.v[0].host_id == "h1" && nssv_volume.v[0].clone_state == null\n      error_message = "not on h1"\n    }\n  }\n}\n',
    });
    expect(c.diagnostics.map(shape)).toEqual([
      {
        code: 'NSSV_PRECONDITION_UNKNOWN',
        at: 'main.tf:23:23',
        address: 'nssv_vm.app',
        summary: 'nssv_vm.app: the precondition cannot be checked before apply',
        detail:
          'The condition depends on a value that is known only after apply, and nssv checks preconditions when it plans. Fix: make the condition depend on values known now (variables, locals, data sources, attributes the configuration sets), or remove the precondition.',
      },
    ]);
  });

  it('GIVEN a condition that is not a bool THEN an error says it must be true or false', async () => {
    const c = await load({ 'main.tf': volumes('"yes"') });
    expect(c.diagnostics.map((d) => [d.code, d.summary, d.address])).toEqual([
      ['NSSV_CONFIG_INVALID_REFERENCE', 'Invalid precondition condition', 'nssv_volume.v[0]'],
      ['NSSV_CONFIG_INVALID_REFERENCE', 'Invalid precondition condition', 'nssv_volume.v[1]'],
    ]);
  });

  it('GIVEN an output precondition in a child module that is false THEN it fails naming module.M.output.NAME', async () => {
    const c = await load({
      'main.tf': 'module "m" {\n  source = "./mod"\n  n      = 12\n}\n',
      'mod/main.tf':
        'variable "n" {\n  type = number\n}\noutput "doubled" {\n  value = var.n * 2\n  precondition {\n    condition     = var.n < 10\n    error_message = "n must be below 10, got ${var.n}"\n  }\n}\n',
    });
    expect(c.diagnostics.map(shape)).toEqual([
      {
        code: 'NSSV_PRECONDITION_FAILED',
        at: 'mod/main.tf:7:21',
        address: undefined,
        summary: 'module.m.output.doubled: precondition failed',
        detail: 'n must be below 10, got 12',
      },
    ]);
  });

  it('GIVEN the configuration evaluated against what an apply recorded (outputs after apply) THEN preconditions are not checked again', async () => {
    const c = await load({ 'main.tf': volumes('var.ports[count.index] == 22') }, new Map());
    expect(c.diagnostics).toEqual([]);
  });

  it('GIVEN a precondition on a data source before the data blocks are read THEN it waits for the load that has their values', async () => {
    const c = await load({
      'main.tf': volumes('data.nssv_host.h1.memory_mib > 1024', '"h1 is too small"').concat(
        'data "nssv_host" "h1" {\n  name = "h1"\n}\n',
      ),
    });
    expect(c.diagnostics).toEqual([]);
    expect(c.dataRequests?.map((r) => r.address)).toEqual(['data.nssv_host.h1']);
  });

  it('GIVEN a precondition without error_message THEN the missing argument is named', async () => {
    const c = await load({
      'main.tf':
        'resource "nssv_vm" "app" {\n  name       = "app"\n  cluster_id = "c"\n  lifecycle {\n    precondition {\n      condition = true\n    }\n  }\n}\n',
    });
    expect(c.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      ['NSSV_CONFIG_MISSING_ARGUMENT', 'Missing required argument "error_message"'],
    ]);
  });
});
