import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../engine/files/loadConfig.js';
import { evaluateConsoleExpression } from '../../../planner/config/console.js';
import { referencedRoots } from '../../../planner/config/referenced-roots.js';
import { rootEvaluator } from '../../../planner/config/load.js';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '../../../schemas');

async function load(tf: string) {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-roots-'));
  try {
    writeFileSync(join(dir, 'main.tf'), tf);
    return await loadConfig(dir, { schemaDir, env: {} });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const VOLUMES = `resource "nssv_volume" "v" {
  count    = 3
  name     = "vol-\${count.index}"
  pool_id  = "p1"
  size_gib = 10 + count.index
}
`;

describe('referencedRoots', () => {
  it('GIVEN references in attributes, blocks, templates and locals WHEN walked THEN every root name is found', async () => {
    const c = await load(
      `locals {\n  x = var.y\n}\nvariable "y" {\n  default = 1\n}\n${VOLUMES}resource "nssv_vm" "w" {\n  name       = "w-\${local.x}"\n  cluster_id = "c1"\n  memory_mib = 512\n  disk {\n    volume_id = nssv_volume.v[0].id\n  }\n}\n`,
    );
    expect([...referencedRoots(rootEvaluator(c)!.decl)].sort()).toEqual([
      'count',
      'local',
      'nssv_volume',
      'var',
    ]);
  });
});

describe('values of resources no expression refers to', () => {
  it('GIVEN volumes nothing refers to WHEN the console reads them THEN they are evaluated again, with the values a reference gets', async () => {
    const alone = await load(VOLUMES);
    const referenced = await load(`${VOLUMES}output "all" {\n  value = nssv_volume.v\n}\n`);
    expect(referencedRoots(rootEvaluator(alone)!.decl).has('nssv_volume')).toBe(false);
    for (const expr of ['nssv_volume.v[1].size_gib', 'nssv_volume.v[2].name', 'nssv_volume.v[0]']) {
      const a = evaluateConsoleExpression(alone, expr);
      expect(a.diagnostics).toEqual([]);
      expect(a.output).toBe(evaluateConsoleExpression(referenced, expr).output);
    }
    expect(evaluateConsoleExpression(alone, 'nssv_volume.v[1].size_gib').output).toBe('11');
    expect(evaluateConsoleExpression(alone, 'nssv_volume.v[2].name').output).toBe('"vol-2"');
  });

  it('GIVEN an instance with an error WHEN the console reads the resource again THEN the error is not reported twice', async () => {
    const c = await load(
      `resource "nssv_volume" "v" {\n  count    = 2\n  name     = "vol-\${count.index}"\n  pool_id  = "p1"\n  size_gib = 10 + local.missing\n}\n`,
    );
    const before = c.diagnostics.map((d) => d.summary);
    expect(before).toEqual([
      'Reference to undeclared local value "missing"',
      'Reference to undeclared local value "missing"',
    ]);
    const r = evaluateConsoleExpression(c, 'nssv_volume.v[0].name');
    expect(r.diagnostics).toEqual([]);
    expect(r.output).toBe('"vol-0"');
  });
});

describe('parts instances share', () => {
  it('GIVEN a counted resource WHEN loaded THEN its instances share equal dependency lists and ranges, and keep their own attributes', async () => {
    const c = await load(VOLUMES);
    const [a, b] = c.instances;
    expect(a!.dependsOn).toBe(b!.dependsOn);
    expect(a!.attributeRanges).toBe(b!.attributeRanges);
    expect(a!.sensitivePaths).toBe(b!.sensitivePaths);
    expect(a!.attributes).not.toBe(b!.attributes);
    expect(Object.keys(a!.attributeRanges)).toEqual(['name', 'pool_id', 'size_gib']);
  });
});
