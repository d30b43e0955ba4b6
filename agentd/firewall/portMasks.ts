/**
 * A port range as the fewest value/mask pairs OpenFlow can match (tp_dst=0x0016/0xfffe …), the
 * usual prefix decomposition of [from, to] over 16-bit numbers.
 */
export function portMasks(from: number, to: number): string[] {
  const out: string[] = [];
  let lo = from;
  while (lo <= to) {
    let size = 1;
    // Grow the block while it stays aligned and inside the range.
    while (size < 0x10000 && lo % (size * 2) === 0 && lo + size * 2 - 1 <= to) size *= 2;
    const mask = 0xffff - (size - 1);
    out.push(
      size === 1
        ? String(lo)
        : `0x${lo.toString(16).padStart(4, '0')}/0x${mask.toString(16).padStart(4, '0')}`,
    );
    lo += size;
  }
  return out;
}
