import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../engine/files/loadConfig.js';

test('GIVEN repeated blocks that set different attributes WHEN loaded THEN each keeps its own value types', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-blocks-'));
  writeFileSync(
    join(dir, 'main.tf'),
    'resource "nssv_vm" "v" {\n  name = "v"\n  cluster_id = "c"\n  disk {\n    volume_id = "a"\n    boot_order = 1\n  }\n  disk {\n    volume_id = "b"\n  }\n}\n',
  );
  const config = await loadConfig(dir);
  expect(config.diagnostics).toEqual([]);
  expect(config.instances[0]!.attributes.disk).toEqual([
    { volume_id: 'a', boot_order: 1 },
    { volume_id: 'b' },
  ]);
});
