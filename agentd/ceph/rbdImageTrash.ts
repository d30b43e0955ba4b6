import type { DeleteResult, TrashEntry, TrashSpec } from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';
import type { ImageRecord } from '../images/imageContent.js';
import type { CephCli } from './cli.js';
import {
  decodeMeta,
  encodeMeta,
  IMAGE_META_PREFIX,
  IMAGE_TRASH_PREFIX,
  imageStorePoolName,
} from './names.js';
import type { RbdImages } from './rbdImages.js';
import { isRetired, retiredRestoreMessage } from './retired.js';

/** What rbd is told when nssv keeps an entry until it is purged: `rbd trash purge` leaves it alone. */
const KEEP_UNTIL = '2999-12-31 00:00:00';

/** nssv's record of an image in the rbd trash (pool metadata nssv.imagetrash.<rbd image id>). */
interface Record {
  image: string;
  address: string;
  /** The image's own record, put back on restore. */
  record: ImageRecord;
  deletedAt: string;
  expiresAt: string | null;
}

type Images = Pick<
  RbdImages,
  | 'storeMetadata'
  | 'storeTrashMetadata'
  | 'storePools'
  | 'setMeta'
  | 'children'
  | 'dropSnapshots'
  | 'makeBase'
  | 'dropIfEmptyRetired'
>;

/**
 * Deleted images of rbd image stores, in the store pool's rbd trash (shared by the cluster's
 * hosts). The image's protected `base` snapshot is dropped before `rbd trash mv` (Ceph cannot
 * purge an image with snapshots from its trash) and made again on restore: the image's data is
 * untouched, so the restored image is byte-identical. An image with clones is refused (409), as
 * for a delete. The entry's id is `<store>.<rbd image id>`; expired entries are purged when listed.
 */
export class RbdImageTrash {
  constructor(
    private readonly cli: CephCli,
    private readonly images: Images,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async put(store: string, image: string, spec: TrashSpec): Promise<TrashEntry> {
    const meta = await this.images.storeMetadata(store);
    if (meta === undefined) throw errors.notFound(`rbd image store ${JSON.stringify(store)} does not exist`);
    const raw = meta[`${IMAGE_META_PREFIX}${image}`];
    const record = raw === undefined ? undefined : decodeMeta<ImageRecord>(raw);
    if (!record) {
      // Another host of the cluster may have moved it already (one delete per host of the store).
      const already = entriesOf(store, meta).find((e) => e.image === image && e.address === spec.address);
      if (already) return already;
      throw errors.notFound(`rbd image store ${JSON.stringify(store)} has no image ${JSON.stringify(image)}`);
    }
    const children = await this.images.children(store, image);
    if (children.length > 0) {
      throw errors.conflict(
        `image ${JSON.stringify(image)} in rbd image store ${JSON.stringify(store)} is the parent of rbd clone(s) ${children.join(', ')}; delete those volumes first (or make them full clones)`,
      );
    }
    const pool = imageStorePoolName(store);
    const target = `${pool}/${image}`;
    const before = new Set((await this.ls(pool)).map((e) => e.id));
    const at = this.now();
    await this.images.dropSnapshots(target);
    try {
      await this.cli.run(
        'rbd',
        ['trash', 'mv', '--expires-at', KEEP_UNTIL, target],
        `move ${target} to the trash`,
      );
    } catch (e) {
      await this.images.makeBase(target); // nothing half-done: the image is usable again
      throw e;
    }
    const moved = (await this.ls(pool)).find((e) => e.name === image && !before.has(e.id));
    if (!moved) throw errors.toolFailed(`move ${target} to the trash: rbd trash ls does not show it`, '');
    const kept: Record = {
      image,
      address: spec.address,
      record,
      deletedAt: at.toISOString(),
      expiresAt: spec.expiresAt,
    };
    await this.images.setMeta(pool, `${IMAGE_TRASH_PREFIX}${moved.id}`, encodeMeta(kept));
    await this.images.setMeta(pool, `${IMAGE_META_PREFIX}${image}`, null);
    return entry(store, moved.id, kept);
  }

  /** The trash of every rbd image store of the cluster, expired entries purged first. */
  async list(): Promise<TrashEntry[]> {
    const out: TrashEntry[] = [];
    for (const { store, meta } of await this.images.storePools()) {
      for (const e of entriesOf(store, meta)) {
        if (e.expiresAt !== null && Date.parse(e.expiresAt) <= this.now().getTime()) {
          await this.purge(store, e.id.slice(store.length + 1));
          continue;
        }
        out.push(e);
      }
    }
    return out;
  }

  /** `rbd trash restore`, the base snapshot made and protected again, the image's record back. */
  async restore(store: string, imageId: string): Promise<TrashEntry> {
    const meta = await this.images.storeTrashMetadata(store);
    const raw = meta?.[`${IMAGE_TRASH_PREFIX}${imageId}`];
    const kept = raw === undefined ? undefined : decodeMeta<Record>(raw);
    if (!kept) throw errors.notFound(`the trash holds no ${JSON.stringify(`${store}.${imageId}`)}`);
    if (isRetired(meta!))
      throw errors.conflict(retiredRestoreMessage(`${store}.${imageId}`, 'rbd image store', store));
    if (meta![`${IMAGE_META_PREFIX}${kept.image}`] !== undefined) {
      throw errors.conflict(
        `cannot restore ${store}.${imageId}: rbd image store ${JSON.stringify(store)} already has an image ${JSON.stringify(kept.image)}; delete it first`,
      );
    }
    const pool = imageStorePoolName(store);
    await this.cli.run('rbd', ['trash', 'restore', '--pool', pool, imageId], `restore ${imageId} in ${pool}`);
    await this.images.makeBase(`${pool}/${kept.image}`);
    await this.images.setMeta(pool, `${IMAGE_META_PREFIX}${kept.image}`, encodeMeta(kept.record));
    await this.images.setMeta(pool, `${IMAGE_TRASH_PREFIX}${imageId}`, null);
    return entry(store, imageId, kept);
  }

  /** Removes the entry for good; the last entry of a retired store takes its Ceph pool with it. */
  async purge(store: string, imageId: string): Promise<DeleteResult> {
    const meta = await this.images.storeTrashMetadata(store);
    const key = `${IMAGE_TRASH_PREFIX}${imageId}`;
    if (meta?.[key] === undefined) return { deleted: false };
    const pool = imageStorePoolName(store);
    const r = await this.cli.callOnData(
      ['trash', 'rm', '--no-progress', '--force', '--pool', pool, imageId],
      `purge ${imageId} from ${pool}`,
    );
    if (r.exitCode !== 0 && !/No such file or directory|not found/i.test(r.stderr)) {
      throw errors.toolFailed(
        `purge ${imageId} from the trash of ${pool}: rbd exited with ${r.exitCode}`,
        r.stderr.trim(),
      );
    }
    await this.images.setMeta(pool, key, null);
    if (isRetired(meta)) await this.images.dropIfEmptyRetired(store);
    return { deleted: true };
  }

  private ls(pool: string): Promise<{ id: string; name: string }[]> {
    return this.cli.json<{ id: string; name: string }[]>(
      'rbd',
      ['trash', 'ls', pool],
      `list the trash of ${pool}`,
    );
  }
}

function entriesOf(store: string, meta: { [k: string]: string }): TrashEntry[] {
  const out: TrashEntry[] = [];
  const deleted = isRetired(meta);
  for (const [k, v] of Object.entries(meta).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!k.startsWith(IMAGE_TRASH_PREFIX)) continue;
    const id = k.slice(IMAGE_TRASH_PREFIX.length);
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) continue;
    const r = decodeMeta<Record>(v);
    if (r) out.push(deleted ? { ...entry(store, id, r), poolDeleted: true } : entry(store, id, r));
  }
  return out;
}

function entry(store: string, imageId: string, r: Record): TrashEntry {
  return {
    id: `${store}.${imageId}`,
    store: 'rbd',
    imageStore: store,
    image: r.image,
    address: r.address,
    deletedAt: r.deletedAt,
    expiresAt: r.expiresAt,
  };
}
