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
    // libvirt quotes attributes with ', nssv's own XML with ".
    const source = /<source file=(['"])([^'"]*)\1/.exec(disk);
    const file = source?.[2];
    const dest = file === undefined ? undefined : to.get(file);
    if (source === null || file === undefined || dest === undefined) return disk;
    seen.add(file);
    const q = source[1]!;
    const moved = disk.replace(`<source file=${q}${file}${q}`, `<source file=${q}${dest}${q}`);
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

/**
 * The XML with the digest its nssv metadata records for the cloud-init seed replaced: the seed the
 * destination wrote has the same content but not the same bytes (ISO timestamps), and the record
 * must match the file there, or the seed would read as modified.
 */
export function withSeedDigest(xml: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256))
    throw errors.invalidRequest(`seed digest ${JSON.stringify(sha256)} is not a sha256`);
  return xml.replace(
    /(<(?:[A-Za-z0-9]+:)?cloud-init\b[^>]*?\bsha256=)(['"])[0-9a-f]{64}\2/,
    (_m, head: string, q: string) => `${head}${q}${sha256}${q}`,
  );
}

/** The XML with every `file=` attribute naming `from` (a console log) naming `to` instead. */
export function withFileMoved(xml: string, from: string, to: string): string {
  for (const p of [from, to]) {
    if (!SAFE_PATH.test(p))
      throw errors.invalidRequest(`path ${JSON.stringify(p)} is not a plain absolute path`);
  }
  return xml.replaceAll(`file='${from}'`, `file='${to}'`).replaceAll(`file="${from}"`, `file="${to}"`);
}
