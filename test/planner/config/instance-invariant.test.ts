import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../engine/files/loadConfig.js';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '../../../schemas');

async function load(tf: string) {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-invariant-'));
  try {
    writeFileSync(join(dir, 'main.tf'), tf);
    return await loadConfig(dir, { schemaDir, env: {} });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('expressions that are the same in every instance', () => {
  it('GIVEN a counted resource referring to another WHEN loaded THEN every instance has the value and depends on it', async () => {
    const c = await load(
      `resource "nssv_storage_pool" "p" {\n  name       = "p1"\n  kind       = "dir"\n  cluster_id = "c1"\n}\nresource "nssv_volume" "v" {\n  count    = 3\n  name     = "vol-\${count.index}"\n  pool_id  = nssv_storage_pool.p.id\n  size_gib = 10\n}\n`,
    );
    expect(c.diagnostics).toEqual([]);
    const volumes = c.instances.filter((i) => i.type === 'nssv_volume');
    expect(volumes.map((v) => [v.address, v.attributes.name, v.attributes.pool_id, v.dependsOn])).toEqual([
      ['nssv_volume.v[0]', 'vol-0', 'p1', ['nssv_storage_pool.p']],
      ['nssv_volume.v[1]', 'vol-1', 'p1', ['nssv_storage_pool.p']],
      ['nssv_volume.v[2]', 'vol-2', 'p1', ['nssv_storage_pool.p']],
    ]);
  });

  it('GIVEN an invariant expression that fails WHEN loaded THEN each instance reports it, in order', async () => {
    const c = await load(
      `resource "nssv_volume" "v" {\n  count    = 2\n  name     = "vol-\${count.index}"\n  pool_id  = local.missing\n  size_gib = 10\n}\n`,
    );
    expect(c.diagnostics.map((d) => [d.summary, d.address, d.attribute])).toEqual([
      ['Reference to undeclared local value "missing"', 'nssv_volume.v[0]', 'pool_id'],
      ['Reference to undeclared local value "missing"', 'nssv_volume.v[1]', 'pool_id'],
    ]);
  });

  it('GIVEN a nested block inside a dynamic block WHEN loaded THEN its expressions see the iterator of each item', async () => {
    const c = await load(
      `resource "nssv_vm" "w" {\n  count      = 2\n  name       = "w-\${count.index}"\n  cluster_id = "c1"\n  memory_mib = 512\n  dynamic "disk" {\n    for_each = ["a", "b"]\n    content {\n      volume_id = "\${disk.value}-\${count.index}"\n    }\n  }\n}\n`,
    );
    expect(c.diagnostics).toEqual([]);
    expect(
      c.instances.map((i) => (i.attributes.disk as Array<{ volume_id: string }>).map((d) => d.volume_id)),
    ).toEqual([
      ['a-0', 'b-0'],
      ['a-1', 'b-1'],
    ]);
  });
});
