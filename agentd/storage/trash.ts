import { mkdir, readdir, rm } from 'node:fs/promises';
import { refuseInUse } from './inUse.js';
import { exists } from '../util/exists.js';
import { join } from 'node:path';
import type { DeleteResult, TrashEntry, TrashSpec, VolumeFormat } from '../../schemas/generated/agentApi.js';
import { GIB, type QemuImg } from '../drivers/qemu-img.js';
import { errors } from '../errors.js';
import { realExec } from '../util/exec.js';
import type { FlowChainOptions } from '../flow/flow.js';
import type { PoolLayout } from './layout.js';
import { movePath, type MovePath } from './movePath.js';
import { readJsonRecord, type VolumeRecord } from './records.js';
import { moveIntoTrash } from './trashFiles.js';
import { keepUnexpired } from './trashExpiry.js';
import type { VolumeUsers } from './volumes.js';

type DirTrashEntry = TrashEntry & { pool: string; volume: string; sizeGiB: number; format: VolumeFormat };

/** A trash id: `<pool>.<up to 40 characters of the volume>-<deletion time in base 36>`. */
export function trashId(pool: string, volume: string, at: Date): string {
  return `${pool}.${volume.slice(0, 40)}-${at.getTime().toString(36)}`;
}

/**
 * The host's trash for dir pools' volumes: `<storageRoot>/.trash/<id>/` holds the image, the
 * volume's record and its snapshot layers, moved out of the pool (renamed; copied only when the
 * pool is a filesystem of its own, see movePath), and an entry.json saying where they came from. Restoring moves them back to the very same paths, so the
 * layers' backing-file references hold again. Entries past expiresAt are purged when the trash is
 * listed; the trash outlives the pool it came from.
 */
export class DirTrash {
  constructor(
    private readonly layout: PoolLayout,
    private readonly qemuImg: QemuImg,
    private readonly users: VolumeUsers,
    private readonly refuseClones: (pool: string, volume: string) => Promise<void>,
    private readonly flowOptions: FlowChainOptions = {},
    private readonly now: () => Date = () => new Date(),
    private readonly move: MovePath = movePath(realExec),
  ) {}

  /** Moves the volume, its record and its snapshots to the trash. Idempotent by address. */
  async put(pool: string, volume: string, spec: TrashSpec): Promise<TrashEntry> {
    const recordPath = this.layout.volumeRecord(pool, volume);
    const record = await readJsonRecord<VolumeRecord>(recordPath);
    if (!record) {
      const already = (await this.entries()).find(
        (e) => e.pool === pool && e.volume === volume && e.address === spec.address,
      );
      if (already) return publicEntry(already);
      throw errors.notFound(`pool ${JSON.stringify(pool)} has no volume ${JSON.stringify(volume)}`);
    }
    const image = this.layout.volumePath(pool, volume, record.format);
    refuseInUse(pool, volume, await this.users(image));
    await this.refuseClones(pool, volume);
    const at = this.now();
    const id = trashId(pool, volume, at);
    const dir = this.layout.trashDir(id);
    const info = await this.qemuImg.info(image);
    // A linked clone reads through another volume's snapshot, which may be deleted while this one
    // waits in the trash: pull that data into it first, so the entry stands on its own.
    const snapshotsRoot = join(this.layout.poolDir(pool), '.nssv', 'snapshots');
    const own = this.layout.snapshotDir(pool, volume);
    if (info.backingFile?.startsWith(`${snapshotsRoot}/`) && !info.backingFile.startsWith(`${own}/`)) {
      await this.qemuImg.rebase(image, null);
    }
    const entry: DirTrashEntry = {
      id,
      store: 'dir',
      pool,
      volume,
      address: spec.address,
      sizeGiB: Math.floor(info.virtualSizeBytes / GIB),
      deletedAt: at.toISOString(),
      expiresAt: spec.expiresAt,
      format: record.format,
    };
    const moves = this.moves(pool, volume, record.format, dir);
    await moveIntoTrash(
      `trash volume ${pool}/${volume}`,
      dir,
      entry,
      moves,
      this.move,
      this.flowOptions,
      'move image, snapshots and record',
    );
    return publicEntry(entry);
  }

  async list(): Promise<TrashEntry[]> {
    const kept = await keepUnexpired(await this.entries(), this.now(), (e) =>
      rm(this.layout.trashDir(e.id), { recursive: true, force: true }),
    );
    return kept.map(publicEntry);
  }

  async has(id: string): Promise<boolean> {
    return exists(join(this.layout.trashDir(id), 'entry.json'));
  }

  /** Moves everything back where it was; the pool must exist and hold no volume of that name. */
  async restore(id: string): Promise<TrashEntry> {
    const dir = this.layout.trashDir(id);
    const e = await readJsonRecord<DirTrashEntry>(join(dir, 'entry.json'));
    if (!e) throw errors.notFound(`the trash holds no ${JSON.stringify(id)}`);
    if (!(await exists(this.layout.poolMarker(e.pool)))) {
      throw errors.conflict(
        `cannot restore ${id}: pool ${JSON.stringify(e.pool)} does not exist on this host; create it first`,
      );
    }
    if (await exists(this.layout.volumeRecord(e.pool, e.volume))) {
      throw errors.conflict(
        `cannot restore ${id}: pool ${JSON.stringify(e.pool)} already has a volume ${JSON.stringify(e.volume)}; delete or rename it first`,
      );
    }
    for (const m of this.moves(e.pool, e.volume, e.format, dir)) {
      if (!(await exists(m.to))) continue;
      await mkdir(join(m.from, '..'), { recursive: true });
      await this.move(m.to, m.from);
    }
    await rm(dir, { recursive: true, force: true });
    return publicEntry(e);
  }

  async purge(id: string): Promise<DeleteResult> {
    const dir = this.layout.trashDir(id);
    if (!(await exists(dir))) return { deleted: false };
    await rm(dir, { recursive: true, force: true });
    return { deleted: true };
  }

  private moves(pool: string, volume: string, format: VolumeFormat, dir: string) {
    return [
      { from: this.layout.volumePath(pool, volume, format), to: join(dir, `image.${format}`) },
      { from: this.layout.snapshotDir(pool, volume), to: join(dir, 'snapshots') },
      { from: this.layout.volumeRecord(pool, volume), to: join(dir, 'record.json') },
    ];
  }

  private async entries(): Promise<DirTrashEntry[]> {
    const ids = await readdir(this.layout.trashRoot()).catch(() => [] as string[]);
    const out: DirTrashEntry[] = [];
    for (const id of ids.sort()) {
      const e = await readJsonRecord<DirTrashEntry>(join(this.layout.trashDir(id), 'entry.json'));
      if (e) out.push(e);
    }
    return out;
  }
}

function publicEntry(e: DirTrashEntry): TrashEntry {
  const { format: _format, ...rest } = e;
  return rest;
}
