/** One import block to write: the address to import into, the ID, and a comment saying what it is. */
export interface ImportBlock {
  to: string;
  id: string;
  comment: string;
}

/** import { } blocks, formatted as terraform fmt does, one per object, in the order given. */
export function renderImportBlocks(blocks: readonly ImportBlock[], header: readonly string[]): string {
  const out = header.map((l) => `# ${l}`);
  for (const b of blocks)
    out.push('', `# ${b.comment}`, 'import {', `  to = ${b.to}`, `  id = ${JSON.stringify(b.id)}`, '}');
  return out.join('\n') + '\n';
}
