import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  DeleteResult,
  ImageInfo,
  ImageSpec,
  ImageStoreInfo,
  ImageStoreSpec,
} from '../../schemas/generated/agentApi.js';
import type { QemuImg } from '../drivers/qemu-img.js';
import { errors } from '../errors.js';
import { FlowChain, type FlowChainOptions } from '../flow/flow.js';
import { fetchVerified, type ImageRecord, recordOf, refuseOtherContent } from '../images/imageContent.js';
import type { CephCli } from './cli.js';
import type { CephPoolDetail } from './cephModel.js';
import { OsdMap } from './osdMap.js';
import { chunkEntries, chunkKeys, joinChunks } from './metaChunks.js';
import { holdsTrash, isRetired, trashHolder } from './retired.js';
import {
  decodeMeta,
  encodeMeta,
  IMAGE_BASE_SNAPSHOT,
  IMAGE_META_PREFIX,
  IMAGE_TRASH_PREFIX,
  imageStoreOf,
  imageStorePoolName,
  META,
  nssvPoolOf,
} from './names.js';

/** What nssv keeps about an image in its store's pool metadata (nssv.image.<image>). */
type Record = ImageRecord;

interface RbdLsEntry {
  image: string;
  size: number;
  snapshot?: string;
  protected?: string;
}

/** Placement groups of an image store's pool (as for rbd pools: a few OSDs, no autoscaler). */
const PG_NUM = '8';

/** The rbd snapshot volumes of an rbd store's image are cloned from: `<pool>/<image>@base`. */
export const imageParent = (store: string, image: string): string =>
  `${imageStorePoolName(store)}/${image}@${IMAGE_BASE_SNAPSHOT}`;

/** The store and image of an rbd clone's parent as `rbd info` reports it, when it is an nssv image. */
export function imageOfParent(parent: {
  pool: string;
  image: string;
  snapshot: string;
}): { store: string; image: string } | undefined {
  const store = imageStoreOf(parent.pool);
  return store !== undefined && parent.snapshot === IMAGE_BASE_SNAPSHOT
    ? { store, image: parent.image }
    : undefined;
}

/**
 * Image stores of kind rbd: one Ceph pool per store, shared by every host of the cluster. An
 * image is fetched to a local file, verified like a dir store's (sha256, then the format qemu-img
 * finds), converted to raw when it is qcow2, `rbd import`ed, and given a protected snapshot
 * `base` that volumes are cloned from; only then is it recorded. A failed import removes what it
 * made. An image with clones is not deleted: Ceph would refuse, and nssv says which volumes.
 */
export class RbdImages {
  private readonly osdMap: OsdMap;

  constructor(
    private readonly cli: CephCli,
    private readonly qemuImg: QemuImg,
    /** A local directory for downloads being verified and converted. */
    private readonly incomingDir: string,
    private readonly checkFormat: (path: string, spec: ImageSpec, image: string) => Promise<void>,
    private readonly flowOptions: FlowChainOptions = {},
  ) {
    this.osdMap = new OsdMap(cli);
  }

  private async pools(): Promise<CephPoolDetail[]> {
    return (await this.osdMap.dump()).pools;
  }

  /** The stores and their images, from one pool table (pass it when already read) and one `rbd ls -l` per store. */
  async inventory(pools?: CephPoolDetail[]): Promise<{ stores: ImageStoreInfo[]; images: ImageInfo[] }> {
    const stores: ImageStoreInfo[] = [];
    const images: ImageInfo[] = [];
    const per = await Promise.all(
      (pools ?? (await this.pools())).map(async (p) => {
        const store = imageStoreOf(p.pool_name);
        const meta = joinChunks(p.application_metadata['rbd'] ?? {});
        if (store === undefined || meta[META.address] === undefined) return undefined;
        const records = recordsOf(meta);
        const ls = records.length === 0 ? [] : await this.ls(p.pool_name);
        return { store, meta, records, ls, pool: p.pool_name };
      }),
    );
    for (const x of per) {
      if (!x) continue;
      stores.push({ name: x.store, kind: 'rbd', address: x.meta[META.address]!, path: `rbd:${x.pool}` });
      for (const [name, r] of x.records) {
        const img = x.ls.find((i) => i.image === name && i.snapshot === undefined);
        const base = x.ls.some((i) => i.image === name && i.snapshot === IMAGE_BASE_SNAPSHOT);
        // Removed (or its base snapshot removed) in Ceph: gone, and the next plan imports it again.
        if (!img || !base) continue;
        images.push({
          store: x.store,
          name,
          address: r.address,
          source: r.source,
          format: r.format,
          sha256: r.sha256,
          sizeBytes: r.sizeBytes,
          virtualSizeBytes: img.size,
          path: `rbd:${x.pool}/${name}`,
        });
      }
    }
    const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : 1);
    return { stores: stores.sort(byName), images: images.sort(byName) };
  }

  async getStore(store: string): Promise<ImageStoreInfo | undefined> {
    return (await this.inventory(await this.pools())).stores.find((s) => s.name === store);
  }

  async get(store: string, image: string): Promise<ImageInfo | undefined> {
    return (await this.inventory()).images.find((i) => i.store === store && i.name === image);
  }

  /** Creates the store's Ceph pool (the cluster's default replication), or converges its address. */
  async putStore(store: string, spec: ImageStoreSpec): Promise<ImageStoreInfo> {
    const pool = imageStorePoolName(store);
    const existing = (await this.pools()).find((p) => p.pool_name === pool);
    if (existing) {
      const meta = joinChunks(existing.application_metadata['rbd'] ?? {});
      if (meta[META.address] !== spec.address) await this.setMeta(pool, META.address, spec.address);
      // Declared again: the retired store (kept for its trash) is the store once more.
      if (isRetired(meta)) await this.setMeta(pool, META.retired, null);
      return { name: store, kind: 'rbd', address: spec.address, path: `rbd:${pool}` };
    }
    const ceph = (args: string[], what: string) => this.cli.run('ceph', args, what);
    await new FlowChain<object>(
      `create rbd image store ${store}`,
      [
        {
          name: 'create Ceph pool',
          run: async () => {
            await ceph(
              ['osd', 'pool', 'create', pool, PG_NUM, PG_NUM, 'replicated', '--autoscale-mode=off'],
              `create pool ${pool}`,
            );
          },
          rollback: async () => {
            await ceph(
              ['osd', 'pool', 'delete', pool, pool, '--yes-i-really-really-mean-it'],
              `delete Ceph pool ${pool}`,
            );
          },
        },
        {
          name: 'enable rbd and record the address',
          run: async () => {
            await ceph(['osd', 'pool', 'application', 'enable', pool, 'rbd'], `enable rbd on ${pool}`);
            await this.setMeta(pool, META.address, spec.address);
          },
          rollback: async () => undefined,
        },
      ],
      this.flowOptions,
    ).run({});
    return { name: store, kind: 'rbd', address: spec.address, path: `rbd:${pool}` };
  }

  /**
   * Deletes the store's Ceph pool; refuses while it holds images. While its rbd trash holds
   * images, the pool is only retired (see retired.ts): deleting it would purge them.
   */
  async deleteStore(store: string): Promise<DeleteResult> {
    if (!(await this.getStore(store))) return { deleted: false };
    const pool = imageStorePoolName(store);
    const left = (await this.cli.json<string[]>('rbd', ['ls', pool], `list images in ${pool}`)).sort();
    if (left.length > 0) {
      throw errors.conflict(
        `image store ${JSON.stringify(store)} (Ceph pool ${pool}) still holds image(s) ${left.join(', ')}; delete them first`,
      );
    }
    if (holdsTrash((await this.storeMetadata(store)) ?? {}, IMAGE_TRASH_PREFIX)) {
      await this.setMeta(pool, META.retired, String(Date.now()));
      await this.setMeta(pool, META.address, null);
      return { deleted: true };
    }
    await this.dropPool(pool);
    return { deleted: true };
  }

  /** Deletes a retired store's Ceph pool once its trash holds nothing more (the last entry purged). */
  async dropIfEmptyRetired(store: string): Promise<void> {
    const meta = await this.storeTrashMetadata(store);
    if (meta !== undefined && isRetired(meta) && !holdsTrash(meta, IMAGE_TRASH_PREFIX))
      await this.dropPool(imageStorePoolName(store));
  }

  private async dropPool(pool: string): Promise<void> {
    await this.cli.run(
      'ceph',
      ['osd', 'pool', 'delete', pool, pool, '--yes-i-really-really-mean-it'],
      `delete Ceph pool ${pool}`,
    );
  }

  /**
   * Imports the image once into the cluster: present with the same content it is only
   * re-labelled (the other hosts of the cluster find what the first one imported); a different
   * content under the same name is refused (images are immutable).
   */
  async put(store: string, image: string, spec: ImageSpec): Promise<ImageInfo> {
    const pools = await this.pools();
    const pool = imageStorePoolName(store);
    if (!(await this.inventory(pools)).stores.some((s) => s.name === store)) {
      throw errors.notFound(
        `image store ${JSON.stringify(store)} does not exist in this host's Ceph cluster; create it first (PUT /v1/image-stores/${store})`,
      );
    }
    const existing = (await this.inventory(pools)).images.find((i) => i.store === store && i.name === image);
    if (existing) {
      refuseOtherContent(existing, spec, store, image);
      if (existing.address !== spec.address)
        await this.setRecord(pool, image, { ...recordOf(existing), address: spec.address });
      return { ...existing, address: spec.address };
    }
    const stamp = randomBytes(6).toString('hex');
    const tmp = join(this.incomingDir, `${store}.${image}.${stamp}.part`);
    const raw = join(this.incomingDir, `${store}.${image}.${stamp}.raw`);
    const target = `${pool}/${image}`;
    const ctx = { fetched: { sha256: '', sizeBytes: 0 }, imported: false };
    const cleanLocal = async () => {
      await rm(tmp, { force: true });
      await rm(raw, { force: true });
    };
    await new FlowChain<typeof ctx>(
      `import image ${store}/${image} into Ceph`,
      [
        {
          name: 'download and verify',
          run: async (c) => {
            c.fetched = await fetchVerified(spec, image, tmp, this.checkFormat);
          },
          rollback: cleanLocal,
        },
        {
          name: 'import into Ceph with a protected base snapshot',
          run: async (c) => {
            // RBD images are raw block devices: a qcow2 is converted (sparse) first.
            if (spec.format === 'qcow2') await this.qemuImg.convert(tmp, 'qcow2', raw, 'raw');
            const file = spec.format === 'qcow2' ? raw : tmp;
            c.imported = true;
            await this.cli.runOnData(['import', '--no-progress', file, target], `import ${target}`);
            await cleanLocal();
            await this.makeBase(target);
          },
          rollback: async (c) => {
            await cleanLocal();
            if (c.imported) await this.removeImage(target);
          },
        },
        {
          name: 'record the image',
          run: async (c) =>
            this.setRecord(pool, image, {
              address: spec.address,
              source: spec.source,
              format: spec.format,
              sha256: c.fetched.sha256,
              sizeBytes: c.fetched.sizeBytes,
            }),
          rollback: async () => undefined,
        },
      ],
      this.flowOptions,
    ).run(ctx);
    return (await this.get(store, image))!;
  }

  /** Deletes the image, refused while volumes are clones of it (Ceph keeps a parent while it has children). */
  async delete(store: string, image: string): Promise<DeleteResult> {
    const pool = imageStorePoolName(store);
    const meta = (await this.pools()).find((p) => p.pool_name === pool)?.application_metadata['rbd'];
    const key = `${IMAGE_META_PREFIX}${image}`;
    if (meta?.[key] === undefined) return { deleted: false };
    const target = `${pool}/${image}`;
    const children = await this.children(store, image);
    if (children.length > 0) {
      throw errors.conflict(
        `image ${JSON.stringify(image)} in rbd image store ${JSON.stringify(store)} is the parent of rbd clone(s) ${children.join(', ')}; delete those volumes first (or make them full clones)`,
      );
    }
    await this.removeImage(target);
    await this.setMeta(pool, key, null);
    return { deleted: true };
  }

  /** The clones of the image's base snapshot, as `<nssv pool>/<volume>` (or the Ceph names of foreign ones). */
  async children(store: string, image: string): Promise<string[]> {
    const r = await this.cli.call(
      'rbd',
      ['children', '--all', imageParent(store, image), '--format', 'json'],
      `list clones of ${imageParent(store, image)}`,
    );
    if (r.exitCode !== 0) {
      if (/No such file or directory|not found/i.test(r.stderr)) return [];
      throw errors.toolFailed(
        `list clones of ${imageParent(store, image)}: rbd exited with ${r.exitCode}`,
        r.stderr.trim(),
      );
    }
    const list = JSON.parse(r.stdout) as { pool: string; image: string; trash?: boolean }[];
    return list
      .map((c) => {
        const pool = nssvPoolOf(c.pool);
        const name = pool === undefined ? `${c.pool}/${c.image}` : `${pool}/${c.image}`;
        return c.trash ? `${name} (in the rbd trash)` : name;
      })
      .sort();
  }

  /** Unprotects and removes the base snapshot, then the image; what is already gone is skipped. */
  private async removeImage(target: string): Promise<void> {
    await this.dropSnapshots(target);
    await this.rbdUnlessGone(['rm', '--no-progress', target], `delete ${target}`);
  }

  /** Unprotects and removes the image's snapshots (its base); what is already gone is skipped. */
  async dropSnapshots(target: string): Promise<void> {
    const snap = `${target}@${IMAGE_BASE_SNAPSHOT}`;
    await this.rbdUnlessGone(['snap', 'unprotect', snap], `unprotect ${snap}`);
    await this.rbdUnlessGone(['snap', 'purge', '--no-progress', target], `delete the snapshots of ${target}`);
  }

  /** Creates and protects the base snapshot volumes are cloned from. */
  async makeBase(target: string): Promise<void> {
    const snap = `${target}@${IMAGE_BASE_SNAPSHOT}`;
    await this.cli.run('rbd', ['snap', 'create', '--no-progress', snap], `snapshot ${snap}`);
    await this.cli.run('rbd', ['snap', 'protect', snap], `protect ${snap}`);
  }

  private async rbdUnlessGone(args: readonly string[], what: string): Promise<void> {
    const r = await this.cli.callOnData(args, what);
    if (r.exitCode !== 0 && !/No such file or directory|not found|not protected/i.test(r.stderr)) {
      throw errors.toolFailed(`${what}: rbd exited with ${r.exitCode}`, r.stderr.trim());
    }
  }

  private ls(pool: string): Promise<RbdLsEntry[]> {
    return this.cli.json<RbdLsEntry[]>('rbd', ['ls', '-l', pool], `list images in ${pool}`);
  }

  private async setRecord(pool: string, image: string, record: Record): Promise<void> {
    await this.setMeta(pool, `${IMAGE_META_PREFIX}${image}`, encodeMeta(record));
  }

  /** Every rbd image store of the cluster and its pool's rbd metadata (chunks joined). */
  /** Every store whose trash can be listed: the live ones and the retired ones (see retired.ts). */
  async storePools(): Promise<{ store: string; meta: { [k: string]: string } }[]> {
    return (await this.pools()).flatMap((p) => {
      const store = imageStoreOf(p.pool_name);
      const meta = trashHolder(joinChunks(p.application_metadata['rbd'] ?? {}));
      return store === undefined || meta === undefined ? [] : [{ store, meta }];
    });
  }

  /** The store pool's rbd metadata when the store is live or retired: where its trash is recorded. */
  async storeTrashMetadata(store: string): Promise<{ [k: string]: string } | undefined> {
    const pool = (await this.pools()).find((p) => p.pool_name === imageStorePoolName(store));
    return trashHolder(pool ? joinChunks(pool.application_metadata['rbd'] ?? {}) : undefined);
  }

  /** The store pool's rbd metadata (chunks joined), or undefined when there is no such rbd image store. */
  async storeMetadata(store: string): Promise<{ [k: string]: string } | undefined> {
    const pool = (await this.pools()).find((p) => p.pool_name === imageStorePoolName(store));
    const meta = pool ? joinChunks(pool.application_metadata['rbd'] ?? {}) : undefined;
    return meta?.[META.address] === undefined ? undefined : meta;
  }

  /** Sets (or, with null, removes) one key of the pool's rbd metadata, in chunks when long. */
  async setMeta(pool: string, key: string, value: string | null): Promise<void> {
    const r = await this.cli.json<{ [app: string]: { [k: string]: string } }>(
      'ceph',
      ['osd', 'pool', 'application', 'get', pool],
      `read metadata of ${pool}`,
    );
    const stale = chunkKeys(r['rbd'] ?? {}, key);
    const untag = (k: string) =>
      this.cli.run('ceph', ['osd', 'pool', 'application', 'rm', pool, 'rbd', k], `untag ${pool} (${k})`);
    const entries = value === null ? [] : chunkEntries(key, value);
    if (value === null && r['rbd']?.[key] !== undefined) await untag(key);
    for (const [k, v] of entries) {
      await this.cli.run(
        'ceph',
        ['osd', 'pool', 'application', 'set', pool, 'rbd', k, v],
        `tag ${pool} (${k})`,
      );
    }
    const kept = new Set(entries.map(([k]) => k));
    for (const k of stale) if (!kept.has(k)) await untag(k);
  }
}

function recordsOf(meta: { [k: string]: string }): [string, Record][] {
  return Object.entries(meta)
    .filter(([k]) => k.startsWith(IMAGE_META_PREFIX))
    .flatMap(([k, v]): [string, Record][] => {
      const r = decodeMeta<Record>(v);
      return r ? [[k.slice(IMAGE_META_PREFIX.length), r]] : [];
    })
    .sort(([a], [b]) => (a < b ? -1 : 1));
}
