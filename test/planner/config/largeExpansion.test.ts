import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../engine/files/loadConfig.js';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '../../../schemas');

// Not a timing assertion (see bench/ for the figure); checks 10,000 instances expand and evaluate.
describe('large expansion', () => {
  it('GIVEN count = 5000 and for_each over 5000 keys WHEN loaded THEN 10,000 instances come back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-bench-'));
    try {
      writeFileSync(
        join(dir, 'main.tf'),
        `locals {\n  names = toset([for i in range(1000) : "v${'$'}{i}"])\n}\nresource "nssv_volume" "v" {\n  count = 5000\n  name  = "vol-${'$'}{count.index}"\n  size_gib = 10 + count.index % 7\n}\nresource "nssv_vm" "w" {\n  for_each = { for p in setproduct(range(50), range(100)) : "vm${'$'}{p[0] * 100 + p[1]}" => p[0] * 100 + p[1] }\n  name = each.key\n  cluster_id = "c1"\n  memory_mib = 512 * (each.value % 4 + 1)\n  disk {\n    volume_id = nssv_volume.v[each.value].id\n  }\n}\n`,
      );
      const t0 = performance.now();
      const c = await loadConfig(dir, { schemaDir, env: {} });
      process.stderr.write(
        `10,000 instances loaded and evaluated in ${Math.round(performance.now() - t0)} ms\n`,
      );
      expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(c.instances).toHaveLength(10000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
