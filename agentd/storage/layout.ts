import { join, resolve, sep } from 'node:path';
import type { VolumeFormat } from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';
import { namedRegExp } from '../names.js';

/**
 * Where a dir pool keeps things:
 *   <storageRoot>/<pool>/                       the pool
 *   <storageRoot>/<pool>/.nssv/pool.json        marker: {address}; only pools with it are nssv's
 *   <storageRoot>/<pool>/<volume>.<format>      a volume's image
 *   <storageRoot>/<pool>/.nssv/volumes/<v>.json sidecar: {address, format}
 *   <storageRoot>/<pool>/.nssv/snapshots/<v>/<s>.qcow2  a snapshot: a read-only layer of v's chain
 *   <storageRoot>/<pool>/.nssv/snapshots/<v>/<s>.json   its record: {address, createdAt}
 *   <storageRoot>/.trash/<pool>.<id>/                  a deleted volume, its record and snapshots
 * Names are validated before they get here; every path is still checked to stay inside the root.
 */
export class PoolLayout {
  readonly root: string;

  constructor(storageRoot: string) {
    this.root = resolve(storageRoot);
  }

  poolDir(pool: string): string {
    return this.inside(join(this.root, pool));
  }

  poolMarker(pool: string): string {
    return this.inside(join(this.poolDir(pool), '.nssv', 'pool.json'));
  }

  volumeRecordDir(pool: string): string {
    return this.inside(join(this.poolDir(pool), '.nssv', 'volumes'));
  }

  volumeRecord(pool: string, volume: string): string {
    return this.inside(join(this.volumeRecordDir(pool), `${volume}.json`));
  }

  volumePath(pool: string, volume: string, format: VolumeFormat): string {
    return this.inside(join(this.poolDir(pool), `${volume}.${format}`));
  }

  snapshotDir(pool: string, volume: string): string {
    return this.inside(join(this.poolDir(pool), '.nssv', 'snapshots', volume));
  }

  snapshotPath(pool: string, volume: string, snapshot: string): string {
    return this.inside(join(this.snapshotDir(pool, volume), `${snapshot}.qcow2`));
  }

  snapshotRecord(pool: string, volume: string, snapshot: string): string {
    return this.inside(join(this.snapshotDir(pool, volume), `${snapshot}.json`));
  }

  /** Scratch files of the pool (an overlay made before it replaces a volume's image). */
  scratchPath(pool: string, file: string): string {
    return this.inside(join(this.poolDir(pool), '.nssv', 'scratch', file));
  }

  trashRoot(): string {
    return this.inside(join(this.root, '.trash'));
  }

  trashDir(id: string): string {
    return this.inside(join(this.trashRoot(), id));
  }

  /** The pool and volume a path in this layout belongs to, or undefined. */
  parseVolumePath(path: string): { pool: string; volume: string; format: VolumeFormat } | undefined {
    const prefix = this.root + sep;
    if (!path.startsWith(prefix)) return undefined;
    const m = namedRegExp('^<name>/<name>\\.<format>$').exec(path.slice(prefix.length));
    return m ? { pool: m[1]!, volume: m[2]!, format: m[3] as VolumeFormat } : undefined;
  }

  private inside(path: string): string {
    const resolved = resolve(path);
    if (resolved !== this.root && !resolved.startsWith(this.root + sep)) {
      throw errors.invalidRequest(
        `path ${JSON.stringify(path)} is outside the storage root ${JSON.stringify(this.root)}`,
      );
    }
    return resolved;
  }
}
