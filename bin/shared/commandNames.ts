import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The commands a user can type ("plan", "state list", …), from oclif.manifest.json, which the build
 * writes from bin/commands/ (scripts/bundle-cli.mjs); none when it cannot be read.
 */
export function commandNames(root: string): string[] {
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'oclif.manifest.json'), 'utf8')) as {
      commands: Record<string, unknown>;
    };
    return Object.keys(manifest.commands)
      .map((id) => id.split(':').join(' '))
      .sort();
  } catch {
    return [];
  }
}
