import type { DeleteResult, SnapshotInfo, SnapshotSpec } from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';
import { namedRegExp } from '../names.js';
import type { RunningUsers } from '../storage/snapshots.js';
import type { CephCli } from './cli.js';
import { cephPoolName, decodeMeta, encodeMeta, META } from './names.js';
import type { RbdPools } from './rbdPools.js';

/** The chain limit of an rbd volume (the seeds: at most 32 snapshots on distributed storage). */
export const RBD_CHAIN_LIMIT = 32;

interface RbdSnap {
  name: string;
  protected: string | boolean;
}

/** The pool metadata key of a snapshot's record. */
export const snapshotMetaKey = (volume: string, snapshot: string): string =>
  `${META.snapshotPrefix}${volume}.${snapshot}`;

/** Snapshots recorded in a pool's metadata: `${volume}.${snapshot}` → record. */
export function snapshotsOf(
  pool: string,
  meta: Record<string, string>,
  exists: (volume: string, snapshot: string) => boolean,
): SnapshotInfo[] {
  const out: SnapshotInfo[] = [];
  for (const [k, v] of Object.entries(meta).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!k.startsWith(META.snapshotPrefix)) continue;
    const m = namedRegExp('^<name>\\.<name>$').exec(k.slice(META.snapshotPrefix.length));
    if (!m || !exists(m[1]!, m[2]!)) continue;
    const r = parseRecord(v);
    if (r) out.push({ pool, volume: m[1]!, name: m[2]!, address: r.address, createdAt: r.createdAt });
  }
  return out;
}

function parseRecord(v: string): { address: string; createdAt: string } | undefined {
  const r = decodeMeta<{ address?: unknown; createdAt?: unknown }>(v);
  return typeof r?.address === 'string' && typeof r.createdAt === 'string'
    ? { address: r.address, createdAt: r.createdAt }
    : undefined;
}

/**
 * Snapshots of rbd volumes: rbd snapshots, taken live (crash-consistent) while a guest runs. Their
 * nssv records live in the pool's metadata next to the volumes'. Revert is `rbd snap rollback`,
 * refused while a running domain has the image open.
 */
export class RbdSnapshots {
  constructor(
    private readonly cli: CephCli,
    private readonly pools: RbdPools,
    private readonly runningUsers: RunningUsers,
  ) {}

  async list(pool: string, volume: string): Promise<RbdSnap[]> {
    return this.cli.json<RbdSnap[]>(
      'rbd',
      ['snap', 'ls', `${cephPoolName(pool)}/${volume}`],
      `list snapshots of ${cephPoolName(pool)}/${volume}`,
    );
  }

  async put(pool: string, volume: string, snapshot: string, spec: SnapshotSpec): Promise<SnapshotInfo> {
    const meta = await this.requireVolume(pool, volume);
    const key = snapshotMetaKey(volume, snapshot);
    const snaps = await this.list(pool, volume);
    const recorded = meta[key] === undefined ? undefined : parseRecord(meta[key]!);
    const image = `${cephPoolName(pool)}/${volume}`;
    if (snaps.some((s) => s.name === snapshot)) {
      const createdAt = recorded?.createdAt ?? new Date().toISOString();
      if (recorded?.address !== spec.address) {
        await this.pools.setMetaKey(pool, key, encodeMeta({ address: spec.address, createdAt }));
      }
      return { pool, volume, name: snapshot, address: spec.address, createdAt };
    }
    if (snaps.length >= RBD_CHAIN_LIMIT) {
      throw errors.conflict(
        `volume ${JSON.stringify(volume)} in pool ${JSON.stringify(pool)} already has ${snaps.length} snapshots, the most an rbd volume holds (${RBD_CHAIN_LIMIT}); delete one first`,
      );
    }
    const createdAt = new Date().toISOString();
    await this.cli.run(
      'rbd',
      ['snap', 'create', '--no-progress', `${image}@${snapshot}`],
      `snapshot ${image}`,
    );
    try {
      await this.pools.setMetaKey(pool, key, encodeMeta({ address: spec.address, createdAt }));
    } catch (e) {
      await this.cli.call('rbd', ['snap', 'rm', '--no-progress', `${image}@${snapshot}`], `undo snapshot`);
      throw e;
    }
    return { pool, volume, name: snapshot, address: spec.address, createdAt };
  }

  async delete(pool: string, volume: string, snapshot: string): Promise<DeleteResult> {
    const meta = await this.pools.metadata(pool);
    const key = snapshotMetaKey(volume, snapshot);
    if (meta?.[key] === undefined) return { deleted: false };
    const image = `${cephPoolName(pool)}/${volume}`;
    const snap = (await this.list(pool, volume).catch(() => [] as RbdSnap[])).find(
      (s) => s.name === snapshot,
    );
    if (snap) {
      if (snap.protected === true || snap.protected === 'true') {
        const r = await this.cli.call('rbd', ['snap', 'unprotect', `${image}@${snapshot}`], 'unprotect');
        if (r.exitCode !== 0) {
          throw errors.conflict(
            `snapshot ${volume}@${snapshot} in pool ${JSON.stringify(pool)} has linked clones (rbd children ${image}@${snapshot}); delete the volumes made from it first`,
          );
        }
      }
      await this.cli.run(
        'rbd',
        ['snap', 'rm', '--no-progress', `${image}@${snapshot}`],
        `delete snapshot ${image}@${snapshot}`,
      );
    }
    await this.pools.setMetaKey(pool, key, null);
    return { deleted: true };
  }

  async revert(pool: string, volume: string, snapshot: string): Promise<void> {
    await this.requireVolume(pool, volume);
    if (!(await this.list(pool, volume)).some((s) => s.name === snapshot)) {
      throw errors.notFound(
        `volume ${JSON.stringify(volume)} in pool ${JSON.stringify(pool)} has no snapshot ${JSON.stringify(snapshot)}`,
      );
    }
    // The path libvirt and nssv use for the image (rbdVolumes.ts rbdPath; not imported: rbdVolumes uses this class).
    const users = await this.runningUsers(`rbd:${cephPoolName(pool)}/${volume}`);
    if (users.length > 0) {
      throw errors.conflict(
        `cannot revert volume ${JSON.stringify(volume)} while running domain(s) ${users.join(', ')} use it: its guest would see its disk change under it; set power_state = "shutoff" on the VM first`,
      );
    }
    const image = `${cephPoolName(pool)}/${volume}@${snapshot}`;
    await this.cli.runOnData(['snap', 'rollback', '--no-progress', image], `revert to ${image}`);
  }

  /** Protects the snapshot (a clone's parent must be), unless it is already. */
  async protect(pool: string, volume: string, snapshot: string): Promise<void> {
    const snap = (await this.list(pool, volume)).find((s) => s.name === snapshot);
    if (!snap) {
      throw errors.notFound(
        `volume ${JSON.stringify(volume)} in pool ${JSON.stringify(pool)} has no snapshot ${JSON.stringify(snapshot)} to create a volume from`,
      );
    }
    if (snap.protected === true || snap.protected === 'true') return;
    const spec = `${cephPoolName(pool)}/${volume}@${snapshot}`;
    await this.cli.run('rbd', ['snap', 'protect', spec], `protect ${spec}`);
  }

  private async requireVolume(pool: string, volume: string): Promise<Record<string, string>> {
    const meta = await this.pools.metadata(pool);
    if (meta?.[`${META.volumePrefix}${volume}`] === undefined) {
      throw errors.notFound(`rbd pool ${JSON.stringify(pool)} has no volume ${JSON.stringify(volume)}`);
    }
    return meta;
  }
}
