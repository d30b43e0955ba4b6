import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { run } from '../../sandbox/exec.js';

/** The unit contentSum hashes: BLOCK-aligned blocks. */
const BLOCK = 4 << 20;

/**
 * sha256 over each BLOCK-aligned block of a raw file that is not all zeros (with its offset), then
 * the file's size: equal content gives equal sums. Only the blocks `qemu-img map` finds data in
 * are read; the holes, most of a sparse 1 GiB image, are zeros.
 */
export async function contentSum(path: string): Promise<string> {
  const extents = JSON.parse((await run('qemu-img', ['map', '-f', 'raw', '--output=json', path])).stdout) as {
    start: number;
    length: number;
    data: boolean;
  }[];
  const h = createHash('sha256');
  const block = Buffer.alloc(BLOCK);
  const zeros = Buffer.alloc(BLOCK);
  const file = await open(path);
  try {
    let next = 0;
    for (const e of extents.filter((x) => x.data)) {
      for (let at = Math.max(next, e.start - (e.start % BLOCK)); at < e.start + e.length; at += BLOCK) {
        const { bytesRead } = await file.read(block, 0, BLOCK, at);
        const data = block.subarray(0, bytesRead);
        if (!data.equals(zeros.subarray(0, bytesRead))) h.update(`${at}:`).update(data);
        next = at + BLOCK;
      }
    }
    return h.update(`size ${(await file.stat()).size}`).digest('hex');
  } finally {
    await file.close();
  }
}
