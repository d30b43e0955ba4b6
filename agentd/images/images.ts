import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
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
import { isValidName } from '../names.js';
import { FlowChain, type FlowChainOptions } from '../flow/flow.js';
import { readJsonRecord, writeJsonRecord } from '../storage/records.js';
import { fetchVerified, type ImageRecord, recordOf, refuseOtherContent } from './imageContent.js';
import type { ImageLayout } from './layout.js';

interface StoreRecord {
  address: string;
}

/** Volumes whose backing file is the image at `path` (they must go before it). */
export type LinkedVolumes = (path: string) => Promise<string[]>;

/**
 * Image stores (a directory per store) and the images in them. An image becomes usable only
 * after its content matched the declared sha256 and format: it is downloaded into the store's
 * incoming directory, checked, and only then renamed into place, so a failed import leaves
 * nothing behind.
 */
export class Images {
  constructor(
    readonly layout: ImageLayout,
    private readonly qemuImg: QemuImg,
    private readonly linkedVolumes: LinkedVolumes,
    private readonly flowOptions: FlowChainOptions = {},
  ) {}

  async getStore(store: string): Promise<ImageStoreInfo | undefined> {
    const record = await readJsonRecord<StoreRecord>(this.layout.storeMarker(store));
    return record
      ? { name: store, kind: 'dir', address: record.address, path: this.layout.storeDir(store) }
      : undefined;
  }

  async listStores(): Promise<ImageStoreInfo[]> {
    const names = (await readdir(this.layout.root).catch(() => [] as string[]))
      .filter((n) => isValidName('imageStore', n))
      .sort();
    const infos = await Promise.all(names.map((n) => this.getStore(n)));
    return infos.filter((i): i is ImageStoreInfo => i !== undefined);
  }

  async putStore(store: string, spec: ImageStoreSpec): Promise<ImageStoreInfo> {
    const dir = this.layout.storeDir(store);
    const ctx = { createdDir: false };
    await new FlowChain<typeof ctx>(
      `put image store ${store}`,
      [
        {
          name: 'create store directory',
          run: async (c) => {
            c.createdDir = (await mkdir(dir, { recursive: true })) !== undefined;
          },
          rollback: async (c) => {
            if (c.createdDir) await rm(dir, { recursive: true, force: true });
          },
        },
        {
          name: 'write store marker',
          run: async () => writeJsonRecord(this.layout.storeMarker(store), { address: spec.address }),
          rollback: async () => undefined,
        },
      ],
      this.flowOptions,
    ).run(ctx);
    return (await this.getStore(store))!;
  }

  async deleteStore(store: string): Promise<DeleteResult> {
    if (!(await this.getStore(store))) return { deleted: false };
    const images = await this.list(store);
    if (images.length > 0) {
      throw errors.conflict(
        `image store ${JSON.stringify(store)} still holds image(s) ${images.map((i) => i.name).join(', ')}; delete them first`,
      );
    }
    await rm(this.layout.storeDir(store), { recursive: true, force: true });
    await rmdir(this.layout.root).catch(() => undefined);
    return { deleted: true };
  }

  async get(store: string, image: string): Promise<ImageInfo | undefined> {
    const record = await readJsonRecord<ImageRecord>(this.layout.record(store, image));
    if (!record) return undefined;
    const path = this.layout.imagePath(store, image, record.format);
    const st = await stat(path).catch(() => undefined);
    if (!st) return undefined;
    // An inventory read may race a delete of the same image (Terraform runs deletes in parallel).
    const info = await this.qemuImg.infoUnlessGone(path);
    if (!info) return undefined;
    return {
      store,
      name: image,
      address: record.address,
      source: record.source,
      format: record.format,
      sha256: record.sha256,
      sizeBytes: st.size,
      virtualSizeBytes: info.virtualSizeBytes,
      path,
    };
  }

  async list(store: string): Promise<ImageInfo[]> {
    const files = await readdir(this.layout.recordDir(store)).catch(() => [] as string[]);
    const names = files
      .filter((f) => f.endsWith('.json') && isValidName('image', f.slice(0, -5)))
      .map((f) => f.slice(0, -5))
      .sort();
    const infos = await Promise.all(names.map((n) => this.get(store, n)));
    return infos.filter((i): i is ImageInfo => i !== undefined);
  }

  async listAll(): Promise<ImageInfo[]> {
    const stores = await this.listStores();
    return (await Promise.all(stores.map((s) => this.list(s.name)))).flat();
  }

  /**
   * Imports the image once: present with the same content (sha256) it is only re-labelled;
   * otherwise it is fetched, verified (sha256, then the format qemu-img finds) and moved into
   * place. A different declared content for an existing image is refused: images are immutable.
   */
  async put(store: string, image: string, spec: ImageSpec): Promise<ImageInfo> {
    if (!(await this.getStore(store))) {
      throw errors.notFound(
        `image store ${JSON.stringify(store)} does not exist on this host; create it first (PUT /v1/image-stores/${store})`,
      );
    }
    const existing = await this.get(store, image);
    if (existing) {
      refuseOtherContent(existing, spec, store, image);
      if (existing.address !== spec.address)
        await this.writeRecord(store, image, { ...recordOf(existing), address: spec.address });
      return (await this.get(store, image))!;
    }
    const incoming = this.layout.incomingDir(store);
    const tmp = join(incoming, `${image}.${randomBytes(6).toString('hex')}.part`);
    const path = this.layout.imagePath(store, image, spec.format);
    const ctx = { fetched: { sha256: '', sizeBytes: 0 }, placed: false };
    await new FlowChain<typeof ctx>(
      `import image ${store}/${image}`,
      [
        {
          name: 'download and verify',
          run: async (c) => {
            c.fetched = await fetchVerified(spec, image, tmp, (p, sp, im) => this.checkFormat(p, sp, im));
          },
          rollback: async () => {
            await rm(tmp, { force: true });
            await rmdir(incoming).catch(() => undefined);
          },
        },
        {
          name: 'move into place',
          run: async (c) => {
            await chmod(tmp, 0o444);
            await rename(tmp, path);
            c.placed = true;
            await rmdir(incoming).catch(() => undefined);
          },
          rollback: async (c) => {
            if (c.placed) await rm(path, { force: true });
          },
        },
        {
          name: 'write image record',
          run: async (c) =>
            this.writeRecord(store, image, {
              address: spec.address,
              source: spec.source,
              format: spec.format,
              sha256: c.fetched.sha256,
              sizeBytes: c.fetched.sizeBytes,
            }),
          rollback: async () => rm(this.layout.record(store, image), { force: true }),
        },
      ],
      this.flowOptions,
    ).run(ctx);
    return (await this.get(store, image))!;
  }

  async delete(store: string, image: string): Promise<DeleteResult> {
    const record = await readJsonRecord<ImageRecord>(this.layout.record(store, image));
    if (!record) return { deleted: false };
    const path = this.layout.imagePath(store, image, record.format);
    await this.refuseLinked(store, image, path);
    await rm(path, { force: true });
    await rm(this.layout.record(store, image), { force: true });
    return { deleted: true };
  }

  /** 409 while volumes are linked clones of the image at `path` (their backing file). */
  async refuseLinked(store: string, image: string, path: string): Promise<void> {
    const linked = await this.linkedVolumes(path);
    if (linked.length > 0) {
      throw errors.conflict(
        `image ${JSON.stringify(image)} in store ${JSON.stringify(store)} backs linked clone(s) ${linked.join(', ')}; delete those volumes first (or make them full clones)`,
      );
    }
  }

  /** The content must be what `format` says, and a qcow2 must stand alone (no backing file to follow). */
  async checkFormat(path: string, spec: ImageSpec, image: string): Promise<void> {
    const info = await this.qemuImg.info(path);
    if (info.format !== spec.format) {
      throw errors.invalidRequest(
        `image ${JSON.stringify(image)}: ${spec.source} is a ${info.format} image, not ${spec.format}; nothing was kept. Fix: set format = "${info.format === 'qcow2' ? 'qcow2' : 'raw'}"`,
      );
    }
    if (info.backingFile !== undefined) {
      throw errors.invalidRequest(
        `image ${JSON.stringify(image)}: ${spec.source} is a qcow2 overlay backed by ${JSON.stringify(info.backingFile)}; images must stand alone; nothing was kept. Fix: flatten it first (qemu-img convert -O qcow2)`,
      );
    }
  }

  private async writeRecord(store: string, image: string, record: ImageRecord): Promise<void> {
    await mkdir(this.layout.recordDir(store), { recursive: true });
    await writeJsonRecord(this.layout.record(store, image), record);
  }
}
