import type { DeleteResult, TrashEntry, TrashSpec } from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';
import type { VolumeUsers } from '../storage/volumes.js';
import type { CephCli } from './cli.js';
import { cephPoolName, decodeMeta, encodeMeta, META } from './names.js';
import type { RbdPools } from './rbdPools.js';
import { isRetired, retiredRestoreMessage } from './retired.js';
import { rbdPath, volumeMetaKey } from './rbdVolumes.js';

const GIB = 1024 ** 3;
/** What rbd is told when nssv keeps an entry until it is purged: `rbd trash purge` leaves it alone. */
const KEEP_UNTIL = '2999-12-31 00:00:00';

/** nssv's record of a trash entry in the pool's metadata: the entry less what its id says (always a volume). */
type Record = Omit<TrashEntry, 'id' | 'store' | 'pool'> & Required<Pick<TrashEntry, 'volume'>>;

/**
 * Deleted rbd volumes in the Ceph pool's rbd trash (`rbd trash mv` with an expiry, `restore`,
 * `rm`). The trash is the cluster's, shared by every host of it; nssv's record of each entry
 * (volume, address, times) lives in the pool's metadata under nssv.trash.<image id>, and the
 * entry's id is `<pool>.<image id>`. Entries past their expiry are purged when the trash is listed.
 */
export class RbdTrash {
  constructor(
    private readonly cli: CephCli,
    private readonly pools: RbdPools,
    private readonly users: VolumeUsers,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async put(pool: string, volume: string, spec: TrashSpec): Promise<TrashEntry> {
    const meta = await this.pools.metadata(pool);
    if (meta === undefined) throw errors.notFound(`rbd pool ${JSON.stringify(pool)} does not exist`);
    if (meta[volumeMetaKey(volume)] === undefined) {
      const already = entriesOf(pool, meta).find((e) => e.volume === volume && e.address === spec.address);
      if (already) return already;
      throw errors.notFound(`rbd pool ${JSON.stringify(pool)} has no volume ${JSON.stringify(volume)}`);
    }
    const users = await this.users(rbdPath(pool, volume));
    if (users.length > 0) {
      throw errors.conflict(
        `volume ${JSON.stringify(volume)} in pool ${JSON.stringify(pool)} is used by domain(s) ${users.join(', ')}; delete or change those domains first`,
      );
    }
    const main = cephPoolName(pool);
    const image = `${main}/${volume}`;
    const { size, parent } = await this.cli.json<{ size: number; parent?: unknown }>(
      'rbd',
      ['info', image],
      `inspect ${image}`,
    );
    // A linked clone in the trash would keep its parent snapshot from ever being deleted: make it independent first.
    if (parent) await this.cli.runOnData(['flatten', '--no-progress', image], `flatten ${image}`);
    const before = new Set((await this.ls(main)).map((e) => e.id));
    const at = this.now();
    await this.cli.run(
      'rbd',
      ['trash', 'mv', '--expires-at', KEEP_UNTIL, image],
      `move ${image} to the trash`,
    );
    const moved = (await this.ls(main)).find((e) => e.name === volume && !before.has(e.id));
    if (!moved) throw errors.toolFailed(`move ${image} to the trash: rbd trash ls does not show it`, '');
    const record: Record = {
      volume,
      address: spec.address,
      sizeGiB: Math.floor(size / GIB),
      deletedAt: at.toISOString(),
      expiresAt: spec.expiresAt,
    };
    await this.pools.setMetaKey(pool, `${META.trashPrefix}${moved.id}`, encodeMeta(record));
    await this.pools.setMetaKey(pool, volumeMetaKey(volume), null);
    return entry(pool, moved.id, record);
  }

  /** The trash of the given pools, expired entries purged first. */
  async list(pools: { name: string; meta: { [k: string]: string } }[]): Promise<TrashEntry[]> {
    const out: TrashEntry[] = [];
    for (const p of pools) {
      for (const e of entriesOf(p.name, p.meta)) {
        if (e.expiresAt !== null && Date.parse(e.expiresAt) <= this.now().getTime()) {
          await this.purge(p.name, e.id.slice(p.name.length + 1));
          continue;
        }
        out.push(e);
      }
    }
    return out;
  }

  async restore(pool: string, imageId: string): Promise<TrashEntry> {
    const meta = await this.pools.trashMetadata(pool);
    const raw = meta?.[`${META.trashPrefix}${imageId}`];
    if (raw === undefined)
      throw errors.notFound(`the trash holds no ${JSON.stringify(`${pool}.${imageId}`)}`);
    const record = decodeMeta<Record>(raw);
    if (!record) throw errors.notFound(`the trash holds no ${JSON.stringify(`${pool}.${imageId}`)}`);
    if (isRetired(meta!))
      throw errors.conflict(retiredRestoreMessage(`${pool}.${imageId}`, 'rbd pool', pool));
    if (meta![volumeMetaKey(record.volume)] !== undefined) {
      throw errors.conflict(
        `cannot restore ${pool}.${imageId}: pool ${JSON.stringify(pool)} already has a volume ${JSON.stringify(record.volume)}; delete or rename it first`,
      );
    }
    const main = cephPoolName(pool);
    await this.cli.run('rbd', ['trash', 'restore', '--pool', main, imageId], `restore ${imageId} in ${main}`);
    await this.pools.setMetaKey(pool, volumeMetaKey(record.volume), record.address);
    await this.pools.setMetaKey(pool, `${META.trashPrefix}${imageId}`, null);
    return entry(pool, imageId, record);
  }

  /** Removes the entry for good; the last entry of a retired pool takes the Ceph pool with it. */
  async purge(pool: string, imageId: string): Promise<DeleteResult> {
    const meta = await this.pools.trashMetadata(pool);
    const key = `${META.trashPrefix}${imageId}`;
    if (meta?.[key] === undefined) return { deleted: false };
    const main = cephPoolName(pool);
    const r = await this.cli.callOnData(
      ['trash', 'rm', '--no-progress', '--force', '--pool', main, imageId],
      `purge ${imageId} from ${main}`,
    );
    if (r.exitCode !== 0 && !/No such file or directory|not found/i.test(r.stderr)) {
      throw errors.toolFailed(
        `purge ${imageId} from the trash of ${main}: rbd exited with ${r.exitCode}`,
        r.stderr.trim(),
      );
    }
    await this.pools.setMetaKey(pool, key, null);
    if (isRetired(meta)) await this.pools.dropIfEmptyRetired(pool);
    return { deleted: true };
  }

  private async ls(main: string): Promise<{ id: string; name: string }[]> {
    return this.cli.json<{ id: string; name: string }[]>(
      'rbd',
      ['trash', 'ls', main],
      `list the trash of ${main}`,
    );
  }
}

function entriesOf(pool: string, meta: { [k: string]: string }): TrashEntry[] {
  const out: TrashEntry[] = [];
  const deleted = isRetired(meta);
  for (const [k, v] of Object.entries(meta).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!k.startsWith(META.trashPrefix)) continue;
    const id = k.slice(META.trashPrefix.length);
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) continue;
    const r = decodeMeta<Record>(v);
    if (r) out.push(deleted ? { ...entry(pool, id, r), poolDeleted: true } : entry(pool, id, r));
  }
  return out;
}

function entry(pool: string, imageId: string, r: Record): TrashEntry {
  return {
    id: `${pool}.${imageId}`,
    store: 'rbd',
    pool,
    volume: r.volume,
    address: r.address,
    sizeGiB: r.sizeGiB,
    deletedAt: r.deletedAt,
    expiresAt: r.expiresAt,
  };
}
