/**
 * Regenerates schemas/generated/*.ts (resource and agent API types, agent API validators) and
 * docs/resources/*.md from the schemas.
 *   node dist/schemas/gen/main.js          write the files
 *   node dist/schemas/gen/main.js --check  exit 1 (listing them) if any file would change
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from './files.js';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('bug: cannot find the repository root (package.json)');
    dir = up;
  }
  return dir;
}

const root = repoRoot();
const check = process.argv.includes('--check');
const stale: string[] = [];
for (const [rel, content] of await generatedFiles(root)) {
  const path = join(root, rel);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === content) continue;
  stale.push(rel);
  if (!check) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}
if (check && stale.length) {
  process.stderr.write(
    `Generated files are out of date:\n${stale.map((s) => `  ${s}`).join('\n')}\n` +
      'Run: npm run build && node dist/schemas/gen/main.js\n',
  );
  process.exit(1);
}
process.stdout.write(check ? 'Generated files are up to date.\n' : `Wrote ${stale.length} file(s).\n`);
