import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../../core/diagnostic.js';
import { loadConfig } from '../../../engine/files/loadConfig.js';
import type { LoadedConfig } from '../../../planner/config/types.js';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '../../../schemas');

const VM = 'resource "nssv_vm" "web" {\n  name       = "web1"\n  cluster_id = "c"\n}\n';

async function load(files: Record<string, string>): Promise<LoadedConfig> {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-import-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return loadConfig(dir, { schemaDir, env: {} });
}

const shape = (d: Diagnostic) => ({
  code: d.code,
  at: `${d.range?.file}:${d.range?.line}:${d.range?.column}`,
  summary: d.summary,
});

describe('import blocks', () => {
  it('GIVEN an import block WHEN loaded THEN it is evaluated into a target', async () => {
    const c = await load({
      'main.tf':
        VM +
        'variable "vm" {\n  default = "web1"\n}\nimport {\n  to = nssv_vm.web\n  id = "h1/${var.vm}"\n}\n',
    });
    expect(c.diagnostics).toEqual([]);
    expect(c.imports).toEqual([
      {
        to: 'nssv_vm.web',
        id: 'h1/web1',
        range: expect.objectContaining({ file: 'main.tf', line: 8, column: 1 }),
      },
    ]);
  });

  it('GIVEN for_each WHEN loaded THEN one target per key, each.key in the address', async () => {
    const c = await load({
      'main.tf':
        'resource "nssv_vm" "web" {\n  for_each   = toset(["a", "b"])\n  name       = each.key\n  cluster_id = "c"\n}\n' +
        'import {\n  for_each = { a = "web-a", b = "h2/web-b" }\n  to       = nssv_vm.web[each.key]\n  id       = each.value\n}\n',
    });
    expect(c.diagnostics).toEqual([]);
    expect(c.imports!.map((i) => [i.to, i.id])).toEqual([
      ['nssv_vm.web["a"]', 'web-a'],
      ['nssv_vm.web["b"]', 'h2/web-b'],
    ]);
  });

  it('GIVEN bad import blocks WHEN loaded THEN each says what is wrong, where', async () => {
    const c = await load({
      'main.tf':
        VM +
        'import {\n  to = "nssv_vm"\n  id = "x"\n}\n' +
        'import {\n  to = nssv_vm.web\n  id = 3\n}\n' +
        'import {\n  to = nssv_vm.web\n}\n' +
        'import {\n  to = nssv_vm.web\n  id = "a"\n}\n' +
        'import {\n  to = nssv_vm.web\n  id = "b"\n}\n',
    });
    expect(c.diagnostics.map(shape)).toEqual([
      {
        code: 'NSSV_CONFIG_MISSING_ARGUMENT',
        at: 'main.tf:13:1',
        summary: 'Missing required argument "id"',
      },
      {
        code: 'NSSV_CONFIG_INVALID_ARGUMENT',
        at: 'main.tf:6:8',
        summary: 'Invalid import address: nssv_vm is not a resource instance address',
      },
      {
        code: 'NSSV_CONFIG_INVALID_ARGUMENT',
        at: 'main.tf:11:8',
        summary: 'Invalid import id: a non-empty string is required',
      },
      {
        code: 'NSSV_CONFIG_INVALID_ARGUMENT',
        at: 'main.tf:20:1',
        summary: 'Invalid import address: nssv_vm.web is the target of two import blocks',
      },
    ]);
  });

  it('GIVEN an import block without id WHEN loaded THEN the fix shows a whole block, one argument per line (HCL has no one-line block of two)', async () => {
    const c = await load({ 'main.tf': VM + 'import {\n  to = nssv_vm.web\n}\n' });
    expect(c.diagnostics.map((d) => d.detail)).toEqual([
      'The argument "id" is required in an import block. Write each argument on its own line (id: the object\'s name, or HOST/NAME):\n\nimport {\n  to = nssv_vm.web\n  id = "web1"\n}',
    ]);
  });

  it('GIVEN an import block in a child module WHEN loaded THEN it is refused, as Terraform does', async () => {
    const c = await load({
      'main.tf': 'module "m" {\n  source = "./m"\n}\n',
      'm/main.tf': VM + 'import {\n  to = nssv_vm.web\n  id = "web1"\n}\n',
    });
    expect(c.diagnostics.map(shape)).toEqual([
      {
        code: 'NSSV_CONFIG_UNSUPPORTED',
        at: 'm/main.tf:5:1',
        summary: 'import blocks are only allowed in the root module (this one is in module.m)',
      },
    ]);
  });
});
