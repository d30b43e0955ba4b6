import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../engine/files/loadConfig.js';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '../../../schemas');
const VM = 'resource "nssv_vm" "web1" {\n  name       = "web1"\n  cluster_id = "c"\n}\n';

async function load(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-refactor-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return loadConfig(dir, { schemaDir, env: {} });
}
const where = (d: { range?: { file: string; line: number; column: number } }) =>
  `${d.range?.file}:${d.range?.line}:${d.range?.column}`;

describe('moved and removed blocks', () => {
  test('GIVEN moved and removed blocks WHEN loaded THEN they are kept in order with their places', async () => {
    const c = await load({
      'main.tf':
        VM +
        'moved {\n  from = nssv_vm.frontend\n  to   = nssv_vm.web1\n}\n' +
        'removed {\n  from = nssv_vm.old\n  lifecycle {\n    destroy = false\n  }\n}\n' +
        'removed {\n  from = module.legacy\n}\n',
    });
    expect(c.diagnostics).toEqual([]);
    expect(c.refactors!.moved.map((m) => [m.from, m.to, where(m)])).toEqual([
      ['nssv_vm.frontend', 'nssv_vm.web1', 'main.tf:5:1'],
    ]);
    expect(c.refactors!.removed.map((r) => [r.from, r.destroy, where(r)])).toEqual([
      ['nssv_vm.old', false, 'main.tf:9:1'],
      ['module.legacy', true, 'main.tf:15:1'],
    ]);
  });

  test('GIVEN JSON syntax with instance keys THEN the addresses keep their keys', async () => {
    const c = await load({
      'main.tf.json': JSON.stringify({ moved: [{ from: 'nssv_vm.a[0]', to: 'module.m.nssv_vm.a["x"]' }] }),
    });
    expect(c.diagnostics).toEqual([]);
    expect(c.refactors!.moved.map((m) => [m.from, m.to])).toEqual([
      ['nssv_vm.a[0]', 'module.m.nssv_vm.a["x"]'],
    ]);
  });

  test('GIVEN a move to another resource type or a removed instance key THEN each is an error at its block', async () => {
    const c = await load({
      'main.tf':
        'moved {\n  from = nssv_vm.a\n  to   = nssv_volume.a\n}\n' +
        'removed {\n  from = nssv_vm.b[0]\n  lifecycle {\n    destroy = false\n  }\n}\n',
    });
    expect(c.diagnostics.map((d) => [d.code, where(d), d.summary])).toEqual([
      [
        'NSSV_CONFIG_INVALID_ARGUMENT',
        'main.tf:1:1',
        'Invalid moved block: nssv_vm.a is a nssv_vm and nssv_volume.a a nssv_volume',
      ],
      [
        'NSSV_CONFIG_INVALID_ARGUMENT',
        'main.tf:5:1',
        'Invalid removed block: "from" must be a resource or module address without an instance key',
      ],
    ]);
  });
});

describe('moved and removed blocks in child modules', () => {
  const CHILD =
    VM +
    'moved {\n  from = nssv_vm.frontend\n  to   = nssv_vm.web1\n}\n' +
    'removed {\n  from = nssv_vm.old\n  lifecycle {\n    destroy = false\n  }\n}\n';

  test('GIVEN a child module called with for_each WHEN loaded THEN its blocks apply to each instance, addresses relative to it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-refactor-'));
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'app/main.tf'), CHILD);
    writeFileSync(
      join(dir, 'main.tf'),
      'module "app" {\n  source   = "./app"\n  for_each = toset(["a", "b"])\n}\n' +
        'moved {\n  from = module.legacy\n  to   = module.app["a"]\n}\n',
    );
    const c = await loadConfig(dir, { schemaDir, env: {} });
    expect(c.diagnostics).toEqual([]);
    expect(c.refactors!.moved.map((m) => [m.from, m.to, where(m)])).toEqual([
      ['module.legacy', 'module.app["a"]', 'main.tf:5:1'],
      ['module.app["a"].nssv_vm.frontend', 'module.app["a"].nssv_vm.web1', 'app/main.tf:5:1'],
      ['module.app["b"].nssv_vm.frontend', 'module.app["b"].nssv_vm.web1', 'app/main.tf:5:1'],
    ]);
    expect(c.refactors!.removed.map((r) => [r.from, r.destroy])).toEqual([
      ['module.app["a"].nssv_vm.old', false],
      ['module.app["b"].nssv_vm.old', false],
    ]);
  });

  test('GIVEN a nested module called with count = 0 WHEN loaded THEN its blocks apply to no instance', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-refactor-'));
    mkdirSync(join(dir, 'app'));
    mkdirSync(join(dir, 'outer'));
    writeFileSync(join(dir, 'app/main.tf'), CHILD);
    writeFileSync(join(dir, 'outer/main.tf'), 'module "inner" {\n  source = "../app"\n}\n');
    writeFileSync(
      join(dir, 'main.tf'),
      'module "outer" {\n  source = "./outer"\n}\nmodule "none" {\n  source = "./app"\n  count  = 0\n}\n',
    );
    const c = await loadConfig(dir, { schemaDir, env: {} });
    expect(c.diagnostics).toEqual([]);
    expect(c.refactors!.moved.map((m) => [m.from, m.to])).toEqual([
      ['module.outer.module.inner.nssv_vm.frontend', 'module.outer.module.inner.nssv_vm.web1'],
    ]);
    expect(c.refactors!.removed.map((r) => r.from)).toEqual(['module.outer.module.inner.nssv_vm.old']);
  });
});
