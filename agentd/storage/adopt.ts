import { readdir } from 'node:fs/promises';
import type { UnmanagedVolumeInfo, VolumeFormat, VolumeInfo } from '../../schemas/generated/agentApi.js';
import { GIB, type QemuImg } from '../drivers/qemu-img.js';
import { errors } from '../errors.js';
import { namedRegExp } from '../names.js';
import { orIfGone } from './orIfGone.js';
import type { Pools } from './pools.js';
import { readJsonRecord, type VolumeRecord, writeJsonRecord } from './records.js';
import type { Volumes } from './volumes.js';

/** Image files put into nssv's dir pools by hand (qemu-img create), and adopting them as volumes. */
export class VolumeAdoption {
  constructor(
    private readonly pools: Pools,
    private readonly volumes: Pick<Volumes, 'get'>,
    private readonly qemuImg: QemuImg,
  ) {}

  /** Files named <volume>.qcow2 or <volume>.raw in the pools' directories that have no volume record. */
  async unmanaged(): Promise<UnmanagedVolumeInfo[]> {
    const out: UnmanagedVolumeInfo[] = [];
    for (const pool of await this.pools.list()) {
      // A pool deleted by another request since it was listed holds nothing.
      for (const file of (await orIfGone(readdir(pool.path), [])).sort()) {
        const m = namedRegExp('^<name>\\.<format>$').exec(file);
        if (!m) continue;
        const [name, format] = [m[1]!, m[2] as VolumeFormat];
        if (await readJsonRecord<VolumeRecord>(this.pools.layout.volumeRecord(pool.name, name))) continue;
        const path = this.pools.layout.volumePath(pool.name, name, format);
        const info = await this.qemuImg.info(path).catch(() => undefined);
        if (!info || info.format !== format) continue; // not an image of the format its name says
        out.push({
          pool: pool.name,
          name,
          format,
          sizeGiB: info.virtualSizeBytes / GIB,
          path,
          allocatedBytes: info.actualSizeBytes,
          ...(info.backingFile !== undefined ? { backingFile: info.backingFile } : {}),
        });
      }
    }
    return out;
  }

  /**
   * Writes the volume record of an image file made outside nssv; the image itself is not touched.
   * Refuses an overlay (its backing image is not one of nssv's) and a size that is not whole GiB.
   */
  async adopt(pool: string, volume: string, address: string): Promise<VolumeInfo> {
    const known = await this.volumes.get(pool, volume);
    if (known) {
      if (known.address === address) return known;
      throw errors.conflict(
        `volume ${JSON.stringify(volume)} of pool ${JSON.stringify(pool)} is already managed by nssv as ${known.address}, not ${address}`,
      );
    }
    const found = (await this.unmanaged()).find((v) => v.pool === pool && v.name === volume);
    if (!found) {
      throw errors.notFound(
        `no image file ${volume}.qcow2 or ${volume}.raw in pool ${JSON.stringify(pool)} on this host`,
      );
    }
    if (found.backingFile !== undefined) {
      throw errors.conflict(
        `${found.path} cannot be adopted: it is an overlay of ${found.backingFile}, which nssv does not manage; flatten it first (qemu-img rebase -b "" -F ${found.format} ${found.path})`,
      );
    }
    if (!Number.isInteger(found.sizeGiB)) {
      throw errors.conflict(
        `${found.path} cannot be adopted: its size (${found.sizeGiB} GiB) is not a whole number of GiB, as nssv volumes are; grow it first (qemu-img resize ${found.path} ${Math.ceil(found.sizeGiB)}G)`,
      );
    }
    await writeJsonRecord(this.pools.layout.volumeRecord(pool, volume), { address, format: found.format });
    return (await this.volumes.get(pool, volume))!;
  }
}
