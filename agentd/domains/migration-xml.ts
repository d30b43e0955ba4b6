import { errors } from '../errors.js';

/** One local disk of a migrating domain: its file here and the precreated one on the destination. */
export interface DiskMove {
  source: string;
  destination: string;
}

const SAFE_PATH = /^\/[A-Za-z0-9._/-]+$/;

/**
 * The destination's copy of a domain's migratable XML: each moved disk's `<source file=…>` names
 * the file precreated there, and its `<backingStore>` chain (this host's image paths) is dropped,
 * so the destination's libvirt reads the chain from the new file's own header. Everything else
 * (addresses, MACs, the UUID) stays as it is, which keeps the guest's ABI through the move.
 */
export function destinationXml(xml: string, moves: readonly DiskMove[]): string {
  for (const m of moves) {
    for (const p of [m.source, m.destination]) {
      if (!SAFE_PATH.test(p))
        throw errors.invalidRequest(`disk path ${JSON.stringify(p)} is not a plain absolute path`);
    }
  }
  const to = new Map(moves.map((m) => [m.source, m.destination]));
  const seen = new Set<string>();
  const out = xml.replace(/<disk\b[\s\S]*?<\/disk>/g, (disk) => {
    const file = /<source file='([^']*)'/.exec(disk)?.[1];
    const dest = file === undefined ? undefined : to.get(file);
    if (file === undefined || dest === undefined) return disk;
    seen.add(file);
    const moved = disk.replace(`<source file='${file}'`, `<source file='${dest}'`);
    const start = moved.indexOf('<backingStore');
    if (start < 0) return moved;
    const close = moved.lastIndexOf('</backingStore>');
    const end = close >= 0 ? close + '</backingStore>'.length : moved.indexOf('/>', start) + 2;
    return moved.slice(0, start) + moved.slice(end);
  });
  const missing = moves.find((m) => !seen.has(m.source));
  if (missing) {
    throw errors.conflict(
      `the domain has no disk on ${missing.source}: it cannot be copied to ${missing.destination}`,
    );
  }
  return out;
}
