import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FlowChain, type FlowChainOptions } from '../flow/flow.js';
import { exists } from '../util/exists.js';
import type { LiveDisks } from './liveSnapshot.js';

/** A running domain's disk: the domain, the disk's target and the image it writes to. */
export interface LiveDisk {
  domain: string;
  target: string;
  image: string;
}

export interface LiveLayerPaths {
  /** The snapshot layer that stays: backed by the deleted one today, by `parent` at the end. */
  child: string;
  /** The deleted layer's backing file (null: it had none). */
  parent: string | null;
  /** Where the child plus the deleted layer's data is built before it takes the child's path. */
  merged: string;
  /** Where the old child file waits until QEMU lets go of it. */
  oldChild: string;
  /** A scratch overlay the domain runs on between the two copies. */
  interim: string;
  /** Where the old active image waits until QEMU lets go of it. */
  oldImage: string;
}

/** The file work, done with qemu-img on files no running domain writes. */
export interface LayerFiles {
  /** A byte copy of a qcow2 file (its backing file name included). */
  copy(from: string, to: string): Promise<void>;
  /** qemu-img rebase (safe mode): the image keeps what it shows, now on `backing`. */
  rebase(path: string, backing: string | null): Promise<void>;
  /** A new, empty qcow2 overlay at `path` on `backing`, of the disk's size. */
  overlay(path: string, backing: string): Promise<void>;
  /** The same on a backing file a running QEMU writes to (not opened). */
  overlayOnLive(path: string, backing: string): Promise<void>;
}

/**
 * Deletes a snapshot layer that sits under another snapshot layer (`child`) in the chain of a
 * running domain's disk, with the on-disk result of the offline delete (`qemu-img rebase` of the
 * child onto the deleted layer's parent) and the domain's XML naming the same files:
 *   1. a copy of the child is rebased onto the parent: it now holds the deleted layer's data too;
 *   2. it takes the child's path (the old child is moved aside; QEMU holds it open, unaffected);
 *      the active image's backing file name is unchanged and now reads the merged layer;
 *   3. QEMU still reads the old files: blockcopy --shallow --reuse-external --pivot moves the
 *      domain onto a scratch overlay on the merged layer (QEMU opens the new chain);
 *   4. a new overlay at the image's path on the merged layer, and a second blockcopy --pivot puts
 *      the domain back on the image's path; the old files go.
 * A failure before the first pivot is undone (the files are put back; QEMU never left them). After
 * it the domain runs on the new chain: its undo tries step 4 once more, so the domain ends on the
 * image's path; if that fails too, the domain keeps running on the scratch overlay, a consistent
 * chain (scratch → merged layer → parent), the image's path becomes an overlay on the scratch
 * overlay (a restart from the persistent XML reads everything), and the undo failure is recorded.
 */
export async function liveLayerDelete(
  disks: Pick<LiveDisks, 'blockCopyPivot'>,
  disk: LiveDisk,
  paths: LiveLayerPaths,
  files: LayerFiles,
  flowOptions: FlowChainOptions = {},
): Promise<void> {
  const { child, parent, merged, oldChild, interim, oldImage } = paths;
  const backOnImage = async (): Promise<void> => {
    if (!(await exists(oldImage))) await rename(disk.image, oldImage);
    await rm(disk.image, { force: true });
    await files.overlay(disk.image, child);
    await disks.blockCopyPivot(disk.domain, disk.target, disk.image);
    for (const f of [interim, oldImage, oldChild]) await rm(f, { force: true });
  };
  const ctx = { swapped: false, onInterim: false };
  await new FlowChain<typeof ctx>(
    `delete the layer under ${child} (domain ${disk.domain}, live)`,
    [
      {
        name: 'merge the deleted layer into a copy of the child',
        run: async () => {
          await mkdir(dirname(merged), { recursive: true });
          await rm(merged, { force: true });
          await files.copy(child, merged);
          await files.rebase(merged, parent);
        },
        rollback: async () => rm(merged, { force: true }),
      },
      {
        name: "put the merged layer at the child's path",
        run: async (c) => {
          await rename(child, oldChild);
          await rename(merged, child);
          c.swapped = true;
        },
        rollback: async (c) => {
          if (!c.swapped || c.onInterim) return;
          await rename(child, merged);
          await rename(oldChild, child);
        },
      },
      {
        name: 'move the domain onto a scratch overlay on the new chain',
        run: async (c) => {
          await rm(interim, { force: true });
          await files.overlay(interim, child);
          await disks.blockCopyPivot(disk.domain, disk.target, interim);
          c.onInterim = true;
        },
        rollback: async (c) => {
          if (!c.onInterim) return rm(interim, { force: true });
          try {
            await backOnImage();
          } catch (e) {
            // The guest stays on the scratch overlay: the volume's path reads through it, so a
            // restart of the VM (its persistent XML names that path) finds all the data.
            await rm(disk.image, { force: true });
            await files.overlayOnLive(disk.image, interim);
            for (const f of [oldImage, oldChild]) await rm(f, { force: true });
            throw new Error(
              `${e instanceof Error ? e.message : String(e)}; domain ${disk.domain} keeps running on ${interim}, which ${disk.image} now reads through (a restart of the VM reads all its data)`,
            );
          }
        },
      },
      {
        name: "put the domain back on the image's path",
        run: backOnImage,
        rollback: async () => undefined,
      },
    ],
    flowOptions,
  ).run(ctx);
}
