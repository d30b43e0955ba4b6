import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from '../../schemas/gen/files.js';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');

describe('generated files', () => {
  it('GIVEN the schemas WHEN types and docs are regenerated THEN the committed files are unchanged', async () => {
    const stale: string[] = [];
    for (const [rel, content] of await generatedFiles(root)) {
      const path = join(root, rel);
      if (!existsSync(path) || readFileSync(path, 'utf8') !== content) stale.push(rel);
    }
    // Fix: npm run build && node dist/schemas/gen/main.js
    expect(stale).toEqual([]);
  });
});
