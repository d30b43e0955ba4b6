import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeleteResult, TrashEntry, TrashSpec } from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';
import type { FlowChainOptions } from '../flow/flow.js';
import { readJsonRecord } from '../storage/records.js';
import type { MovePath } from '../storage/movePath.js';
import { trashId } from '../storage/trash.js';
import { exists } from '../util/exists.js';
import { moveIntoTrash } from '../storage/trashFiles.js';
import { keepUnexpired } from '../storage/trashExpiry.js';
import type { ImageRecord } from './imageContent.js';
import type { Images } from './images.js';

/** entry.json of an image in the trash: the public entry and the image's format (its file name). */
type ImageTrashEntry = TrashEntry &
  Required<Pick<TrashEntry, 'imageStore' | 'image'>> & {
    format: ImageRecord['format'];
  };

/**
 * Deleted images of this host's dir image stores (delete_policy = "delayed"):
 * `<storageRoot>/.images/.trash/<id>/` holds the image file, its record and an entry.json saying
 * where they came from; the id is `<store>.<up to 40 characters of the image>-<time in base 36>`.
 * Restoring moves both back to the very same paths (the content is the one verified at import).
 * Entries past expiresAt are purged when the trash is listed; the trash outlives its store.
 */
export class DirImageTrash {
  constructor(
    private readonly images: Pick<Images, 'layout' | 'getStore' | 'refuseLinked'>,
    private readonly move: MovePath,
    private readonly flowOptions: FlowChainOptions = {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Moves the image and its record to the trash; 409 while linked clones read through it. Idempotent by address. */
  async put(store: string, image: string, spec: TrashSpec): Promise<TrashEntry> {
    const layout = this.images.layout;
    const record = await readJsonRecord<ImageRecord>(layout.record(store, image));
    if (!record) {
      const already = (await this.entries()).find(
        (e) => e.imageStore === store && e.image === image && e.address === spec.address,
      );
      if (already) return publicEntry(already);
      throw errors.notFound(`image store ${JSON.stringify(store)} has no image ${JSON.stringify(image)}`);
    }
    const file = layout.imagePath(store, image, record.format);
    await this.images.refuseLinked(store, image, file);
    const at = this.now();
    const id = trashId(store, image, at);
    const dir = layout.trashDir(id);
    const entry: ImageTrashEntry = {
      id,
      store: 'dir',
      imageStore: store,
      image,
      address: spec.address,
      deletedAt: at.toISOString(),
      expiresAt: spec.expiresAt,
      format: record.format,
    };
    const moves = this.moves(store, image, record.format, dir);
    await moveIntoTrash(
      `trash image ${store}/${image}`,
      dir,
      entry,
      moves,
      this.move,
      this.flowOptions,
      'move image and record',
    );
    return publicEntry(entry);
  }

  async list(): Promise<TrashEntry[]> {
    const kept = await keepUnexpired(await this.entries(), this.now(), (e) =>
      rm(this.images.layout.trashDir(e.id), { recursive: true, force: true }),
    );
    return kept.map(publicEntry);
  }

  async has(id: string): Promise<boolean> {
    return exists(join(this.images.layout.trashDir(id), 'entry.json'));
  }

  /** Moves the image and its record back; the store must exist and hold no image of that name. */
  async restore(id: string): Promise<TrashEntry> {
    const layout = this.images.layout;
    const dir = layout.trashDir(id);
    const e = await readJsonRecord<ImageTrashEntry>(join(dir, 'entry.json'));
    if (!e) throw errors.notFound(`the trash holds no ${JSON.stringify(id)}`);
    if (!(await this.images.getStore(e.imageStore))) {
      throw errors.conflict(
        `cannot restore ${id}: image store ${JSON.stringify(e.imageStore)} does not exist on this host; create it first`,
      );
    }
    if (await exists(layout.record(e.imageStore, e.image))) {
      throw errors.conflict(
        `cannot restore ${id}: image store ${JSON.stringify(e.imageStore)} already has an image ${JSON.stringify(e.image)}; delete it first`,
      );
    }
    for (const m of this.moves(e.imageStore, e.image, e.format, dir)) {
      if (!(await exists(m.to))) continue;
      await mkdir(join(m.from, '..'), { recursive: true });
      await this.move(m.to, m.from);
    }
    await rm(dir, { recursive: true, force: true });
    return publicEntry(e);
  }

  async purge(id: string): Promise<DeleteResult> {
    const dir = this.images.layout.trashDir(id);
    if (!(await exists(dir))) return { deleted: false };
    await rm(dir, { recursive: true, force: true });
    return { deleted: true };
  }

  private moves(store: string, image: string, format: ImageRecord['format'], dir: string) {
    const layout = this.images.layout;
    return [
      { from: layout.imagePath(store, image, format), to: join(dir, `image.${format}`) },
      { from: layout.record(store, image), to: join(dir, 'record.json') },
    ];
  }

  private async entries(): Promise<ImageTrashEntry[]> {
    const root = this.images.layout.trashRoot();
    const ids = await readdir(root).catch(() => [] as string[]);
    const out: ImageTrashEntry[] = [];
    for (const id of ids.sort()) {
      const e = await readJsonRecord<ImageTrashEntry>(join(root, id, 'entry.json'));
      if (e) out.push(e);
    }
    return out;
  }
}

function publicEntry(e: ImageTrashEntry): TrashEntry {
  const { format: _format, ...rest } = e;
  return rest;
}
