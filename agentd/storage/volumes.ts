import { readdir, rm } from 'node:fs/promises';
import { refuseInUse } from './inUse.js';
import { exists } from '../util/exists.js';
import type {
  DeleteResult,
  VolumeFormat,
  VolumeInfo,
  VolumeSourceSpec,
  VolumeSpec,
} from '../../schemas/generated/agentApi.js';
import { GIB, type QemuImg } from '../drivers/qemu-img.js';
import { errors } from '../errors.js';
import { isValidName } from '../names.js';
import { FlowChain, type FlowChainOptions } from '../flow/flow.js';
import { cloneImage, type CloneDeps, cloneState, sourceImage } from './clone.js';
import type { Pools } from './pools.js';
import type { DirSnapshots } from './snapshots.js';
import { readJsonRecord, type VolumeRecord, writeJsonRecord } from './records.js';

/** Which domains use the image at `path` (so it is not deleted under them). */
export type VolumeUsers = (path: string) => Promise<string[]>;
/** Grows an image that a running domain holds open; false when none does. */
export type LiveGrow = (path: string, sizeGiB: number) => Promise<boolean>;

interface PutContext {
  path: string;
  createdImage: boolean;
  wroteRecord: boolean;
  previousRecord: VolumeRecord | undefined;
}

/** Volumes in dir pools: an image file made with qemu-img plus a sidecar record with its address. */
export class Volumes {
  constructor(
    private readonly pools: Pools,
    private readonly qemuImg: QemuImg,
    private readonly volumeUsers: VolumeUsers,
    private readonly flowOptions: FlowChainOptions = {},
    private readonly liveGrow: LiveGrow = async () => false,
    private readonly clones?: CloneDeps,
    private readonly snapshots?: DirSnapshots,
  ) {}

  private get layout() {
    return this.pools.layout;
  }

  async get(pool: string, volume: string): Promise<VolumeInfo | undefined> {
    const record = await readJsonRecord<VolumeRecord>(this.layout.volumeRecord(pool, volume));
    if (!record) return undefined;
    const path = this.layout.volumePath(pool, volume, record.format);
    if (!(await exists(path))) return undefined;
    const info = await this.qemuImg.infoUnlessGone(path);
    if (!info) return undefined;
    const flattener = this.clones?.flattener;
    // A rapid clone whose flatten was interrupted (agent restart, failure) is resumed.
    if (record.source?.cloneMode === 'rapid' && info.backingFile !== undefined) flattener?.start(path);
    return {
      pool,
      name: volume,
      address: record.address,
      format: record.format,
      sizeGiB: info.virtualSizeBytes / GIB,
      path,
      allocatedBytes: info.actualSizeBytes,
      ...(record.source
        ? { source: cloneState(record.source, info.backingFile, flattener?.isRunning(path) ?? false) }
        : {}),
    };
  }

  async list(pool: string): Promise<VolumeInfo[]> {
    const files = await readdir(this.layout.volumeRecordDir(pool)).catch(() => [] as string[]);
    const names = files
      .filter((f) => f.endsWith('.json') && isValidName('volume', f.slice(0, -'.json'.length)))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
    const infos = await Promise.all(names.map((n) => this.get(pool, n)));
    return infos.filter((i): i is VolumeInfo => i !== undefined);
  }

  /** Creates the volume, or converges it: address updated, image grown; format changes and shrinks are refused. */
  async put(pool: string, volume: string, spec: VolumeSpec): Promise<VolumeInfo> {
    await this.requirePool(pool);
    const recordPath = this.layout.volumeRecord(pool, volume);
    const previousRecord = await readJsonRecord<VolumeRecord>(recordPath);
    const otherFormat: VolumeFormat = spec.format === 'qcow2' ? 'raw' : 'qcow2';
    if (
      previousRecord &&
      JSON.stringify(previousRecord.source ?? null) !== JSON.stringify(spec.source ?? null)
    ) {
      throw errors.conflict(
        `volume ${JSON.stringify(volume)} in pool ${JSON.stringify(pool)} was made ${describeSource(previousRecord.source)}, not ${describeSource(spec.source)}: its source cannot change in place; delete and recreate the volume`,
      );
    }
    if (previousRecord && previousRecord.format !== spec.format) {
      throw errors.conflict(
        `volume ${JSON.stringify(volume)} in pool ${JSON.stringify(pool)} is ${previousRecord.format}, not ${spec.format}: the format cannot change in place; delete and recreate the volume`,
      );
    }
    if (await exists(this.layout.volumePath(pool, volume, otherFormat))) {
      throw errors.conflict(
        `pool ${JSON.stringify(pool)} already has an image ${volume}.${otherFormat}: the format cannot change in place; delete and recreate the volume`,
      );
    }
    const ctx: PutContext = {
      path: this.layout.volumePath(pool, volume, spec.format),
      createdImage: false,
      wroteRecord: false,
      previousRecord,
    };
    await new FlowChain<PutContext>(
      `put volume ${pool}/${volume}`,
      [
        {
          name: 'create or grow image',
          run: async (c) => {
            if (await exists(c.path)) {
              const info = await this.qemuImg.info(c.path);
              if (info.format !== spec.format) {
                throw errors.conflict(
                  `image ${c.path} is ${info.format}, not ${spec.format}; delete and recreate the volume`,
                );
              }
              const grows = spec.sizeGiB * GIB > info.virtualSizeBytes;
              if (!(grows && (await this.liveGrow(c.path, spec.sizeGiB)))) {
                await this.qemuImg.grow(c.path, spec.format, spec.sizeGiB);
              }
            } else if (spec.fromSnapshot) {
              if (!this.snapshots) throw new Error('bug: dir volumes from snapshots need DirSnapshots');
              c.createdImage = true;
              await this.snapshots.materialize(pool, spec.fromSnapshot, c.path, spec.format, spec.sizeGiB);
            } else if (spec.source) {
              const image = await sourceImage(this.clones, spec.source);
              c.createdImage = true;
              await cloneImage(this.qemuImg, image, spec.source.cloneMode, c.path, spec.format, spec.sizeGiB);
            } else {
              c.createdImage = true;
              await this.qemuImg.create(c.path, spec.format, spec.sizeGiB);
            }
          },
          rollback: async (c) => {
            if (c.createdImage) await rm(c.path, { force: true });
          },
        },
        {
          name: 'write volume record',
          run: async (c) => {
            c.wroteRecord = true;
            await writeJsonRecord(recordPath, {
              address: spec.address,
              format: spec.format,
              ...(spec.source ? { source: spec.source } : {}),
              ...(c.previousRecord?.fromSnapshot
                ? { fromSnapshot: c.previousRecord.fromSnapshot }
                : spec.fromSnapshot
                  ? { fromSnapshot: spec.fromSnapshot }
                  : {}),
            });
          },
          rollback: async (c) => {
            if (!c.wroteRecord) return;
            if (c.previousRecord) await writeJsonRecord(recordPath, c.previousRecord);
            else await rm(recordPath, { force: true });
          },
        },
      ],
      this.flowOptions,
    ).run(ctx);
    if (spec.source?.cloneMode === 'rapid' && ctx.createdImage) this.clones?.flattener.start(ctx.path);
    return (await this.get(pool, volume))!;
  }

  /** Volumes (`pool/volume`) whose backing file is `path`: linked clones of that image. */
  async linkedTo(path: string, pools: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    for (const pool of pools) {
      for (const v of await this.list(pool)) {
        if ((await this.qemuImg.infoUnlessGone(v.path))?.backingFile === path) out.push(`${pool}/${v.name}`);
      }
    }
    return out;
  }

  async delete(pool: string, volume: string): Promise<DeleteResult> {
    const recordPath = this.layout.volumeRecord(pool, volume);
    const record = await readJsonRecord<VolumeRecord>(recordPath);
    if (!record) return { deleted: false };
    const path = this.layout.volumePath(pool, volume, record.format);
    refuseInUse(pool, volume, await this.volumeUsers(path));
    await this.refuseClones(pool, volume);
    await this.clones?.flattener.settle(path);
    await rm(path, { force: true });
    await rm(this.layout.snapshotDir(pool, volume), { recursive: true, force: true });
    await rm(recordPath, { force: true });
    return { deleted: true };
  }

  /** Linked volumes made from this volume's snapshots read through them: they must go first. */
  async refuseClones(pool: string, volume: string): Promise<void> {
    const clones = (await this.snapshots?.clonesOf(pool, volume)) ?? [];
    if (clones.length > 0) {
      throw errors.conflict(
        `volume ${JSON.stringify(volume)} in pool ${JSON.stringify(pool)} has linked clones (${clones.join(', ')}) made from its snapshots; delete them first`,
      );
    }
  }

  async requirePool(pool: string): Promise<void> {
    if (!(await this.pools.get(pool))) {
      throw errors.notFound(
        `pool ${JSON.stringify(pool)} does not exist on this host; create it first (PUT /v1/pools/${pool})`,
      );
    }
  }
}

function describeSource(source: VolumeSourceSpec | undefined): string {
  return source ? `as a ${source.cloneMode} clone of image ${source.store}/${source.image}` : 'empty';
}
