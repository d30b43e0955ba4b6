import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FlowChain, type FlowChainOptions } from '../flow/flow.js';

/** What a live snapshot of a dir pool's volume needs from libvirt. */
export interface LiveDisks {
  /** The running domain that has the image open, its disk's target and every other disk's target. */
  runningDiskOf(path: string): Promise<{ domain: string; target: string; others: string[] } | undefined>;
  snapshotDiskOnly(domain: string, target: string, file: string, others: readonly string[]): Promise<void>;
  blockCopyPivot(domain: string, target: string, dest: string): Promise<void>;
  blockCommitActive(domain: string, target: string): Promise<void>;
  /** Pulls the layers above `base` into the active layer, which is then backed by `base` (null: by nothing). */
  blockPull(domain: string, target: string, base: string | null): Promise<void>;
}

export interface LiveSnapshotPaths {
  /** The volume's image: keeps its path, and is the domain's disk again at the end. */
  image: string;
  /** Where the frozen data goes: the snapshot layer. */
  layer: string;
  /** A scratch overlay QEMU writes into while the files are rearranged. */
  scratch: string;
}

/**
 * A snapshot of a volume a running domain writes to, with the same on-disk result as the offline
 * one (the image at its path, an overlay on the snapshot layer) and the domain's live and
 * persistent XML naming that same path:
 *   1. a disk-only external snapshot (no libvirt metadata) moves QEMU onto a scratch overlay, so
 *      the image is no longer written;
 *   2. the image is renamed to the snapshot layer (QEMU holds it open: the rename is invisible to it);
 *   3. a new overlay on the layer is made at the image's path;
 *   4. blockcopy --shallow --reuse-external --pivot copies what the guest wrote to the scratch
 *      overlay meanwhile into the new image and switches QEMU over to it; the scratch file goes.
 * A failure before the pivot is undone: the layer is renamed back and the scratch overlay is
 * merged into it again (blockcommit --active --pivot), so the domain is on its image as before.
 */
export async function liveSnapshot(
  disks: LiveDisks,
  user: { domain: string; target: string; others: string[] },
  paths: LiveSnapshotPaths,
  makeOverlay: () => Promise<void>,
  flowOptions: FlowChainOptions = {},
): Promise<void> {
  const { image, layer, scratch } = paths;
  const ctx = { onScratch: false, moved: false, overlay: false };
  await new FlowChain<typeof ctx>(
    `live snapshot of ${image} (domain ${user.domain})`,
    [
      {
        name: 'move the domain onto a scratch overlay',
        run: async (c) => {
          await mkdir(dirname(scratch), { recursive: true });
          await rm(scratch, { force: true });
          await disks.snapshotDiskOnly(user.domain, user.target, scratch, user.others);
          c.onScratch = true;
        },
        rollback: async (c) => {
          if (!c.onScratch) return;
          await disks.blockCommitActive(user.domain, user.target);
          await rm(scratch, { force: true });
        },
      },
      {
        name: 'freeze the image as the snapshot layer',
        run: async (c) => {
          await mkdir(dirname(layer), { recursive: true });
          await rename(image, layer);
          c.moved = true;
        },
        rollback: async (c) => {
          if (c.overlay) await rm(image, { force: true });
          if (c.moved) await rename(layer, image);
        },
      },
      {
        name: 'new overlay at the image path',
        run: async (c) => {
          c.overlay = true;
          await makeOverlay();
        },
        rollback: async () => undefined,
      },
      {
        name: 'copy the scratch overlay into the image and pivot the domain to it',
        run: async () => {
          await disks.blockCopyPivot(user.domain, user.target, image);
          await rm(scratch, { force: true });
        },
        rollback: async () => undefined,
      },
    ],
    flowOptions,
  ).run(ctx);
}
