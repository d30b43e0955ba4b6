import type {
  DeleteResult,
  SnapshotInfo,
  VolumeInfo,
  VolumeSourceInfo,
  VolumeSourceSpec,
  VolumeSpec,
} from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';
import { namedRegExp } from '../names.js';
import { FlowChain, type FlowChainOptions } from '../flow/flow.js';
import type { LiveGrow, VolumeUsers } from '../storage/volumes.js';
import type { CephCli } from './cli.js';
import { cephPoolName, decodeMeta, encodeMeta, META } from './names.js';
import type { RbdPools } from './rbdPools.js';
import { type RbdSnapshots, snapshotsOf } from './rbdSnapshots.js';
import { imageOfParent, imageParent, type RbdImages } from './rbdImages.js';

/** What rbd prints when a pool or an image it opens does not exist (any more). */
const ENOENT = /\(2\) No such file or directory/;

const GIB = 1024 ** 3;

/** What libvirt and nssv call an rbd volume's image: `rbd:<ceph pool>/<image>`. */
export const rbdPath = (pool: string, volume: string): string => `rbd:${cephPoolName(pool)}/${volume}`;

/** The pool and volume of an `rbd:nssv.<pool>/<volume>` path, or undefined. */
export function parseRbdPath(path: string): { pool: string; volume: string } | undefined {
  const m = namedRegExp('^rbd:nssv\\.<name>/<name>$').exec(path);
  return m ? { pool: m[1]!, volume: m[2]! } : undefined;
}

/** The pool metadata key holding a volume's nssv address (read with the pool, no call per image). */
export const volumeMetaKey = (volume: string): string => `${META.volumePrefix}${volume}`;

interface RbdImage {
  image: string;
  size: number;
  snapshot?: string;
  parent?: { pool: string; image: string; snapshot: string };
}
interface RbdDu {
  images: { name: string; snapshot?: string; used_size: number }[];
}

/**
 * Volumes of rbd pools: RBD images (raw block devices), made in the pool's Ceph pool with their
 * data in the EC data pool when there is one; thick pools write every block at creation. The
 * nssv address of each lives in the pool's rbd metadata, so inventory needs no call per image.
 */
export class RbdVolumes {
  constructor(
    private readonly cli: CephCli,
    private readonly pools: RbdPools,
    private readonly users: VolumeUsers,
    private readonly liveGrow: LiveGrow,
    private readonly flowOptions: FlowChainOptions = {},
    private readonly snapshots?: RbdSnapshots,
    private readonly images?: RbdImages,
  ) {}

  /** Every nssv volume of the given rbd pools (addresses from the pools' metadata). */
  async list(pools: { name: string; volumes: Record<string, string> }[]): Promise<VolumeInfo[]> {
    return (await this.inventory(pools.map((p) => ({ ...p, meta: {} })))).volumes;
  }

  /** Volumes and snapshots of the given rbd pools: one `rbd ls -l` and one `rbd du` per pool. */
  async inventory(
    pools: { name: string; volumes: Record<string, string>; meta: Record<string, string> }[],
  ): Promise<{ volumes: VolumeInfo[]; snapshots: SnapshotInfo[] }> {
    const per = await Promise.all(
      pools.map(async (p) => {
        const names = Object.keys(p.volumes).sort();
        if (names.length === 0) return { volumes: [], snapshots: [] };
        const main = cephPoolName(p.name);
        // Other operations (of this agent or another host's) change the pool meanwhile: rbd du fails
        // (ENOENT) when an image is created or deleted while it measures, and is run again; a pool
        // deleted since it was listed has no volumes left.
        const [images, du] = await Promise.all([
          this.cli.jsonUnless<RbdImage[]>('rbd', ['ls', '-l', main], `list images in ${main}`, ENOENT),
          this.cli
            .jsonRetrying<RbdDu>('rbd', ['du', '-p', main], `measure images in ${main}`, ENOENT)
            .catch((e: unknown) => e as Error),
        ]);
        if (images === undefined) return { volumes: [], snapshots: [] };
        if (du instanceof Error) throw du;
        const volumes = names.flatMap((volume): VolumeInfo[] => {
          const img = images.find((i) => i.image === volume && i.snapshot === undefined);
          if (!img) return [];
          const used = du.images.find((i) => i.name === volume && i.snapshot === undefined)?.used_size ?? 0;
          const source = sourceOf(img, p.meta[sourceMetaKey(volume)]);
          return [
            {
              pool: p.name,
              name: volume,
              address: p.volumes[volume]!,
              format: 'raw',
              sizeGiB: Math.floor(img.size / GIB),
              path: rbdPath(p.name, volume),
              allocatedBytes: used,
              ...(source ? { source } : {}),
            },
          ];
        });
        const snapshots = snapshotsOf(p.name, p.meta, (v, s) =>
          images.some((i) => i.image === v && i.snapshot === s),
        );
        return { volumes, snapshots };
      }),
    );
    return { volumes: per.flatMap((x) => x.volumes), snapshots: per.flatMap((x) => x.snapshots) };
  }

  async get(pool: string, volume: string): Promise<VolumeInfo | undefined> {
    const meta = await this.pools.volumeAddresses(pool);
    if (meta?.[volume] === undefined) return undefined;
    return (await this.list([{ name: pool, volumes: { [volume]: meta[volume]! } }]))[0];
  }

  /** Creates the image, or grows it (live through the running domain that uses it); shrinking is refused. */
  async put(pool: string, volume: string, spec: VolumeSpec): Promise<VolumeInfo> {
    const info = await this.pools.get(pool);
    if (!info)
      throw errors.notFound(
        `rbd pool ${JSON.stringify(pool)} does not exist; create it first (PUT /v1/rbd-pools/${pool})`,
      );
    if (spec.format !== 'raw') {
      throw errors.invalidRequest(
        `volume ${JSON.stringify(volume)} is in rbd pool ${JSON.stringify(pool)}, whose images are raw block devices (snapshots and clones are Ceph's): set format = "raw", not ${JSON.stringify(spec.format)}`,
      );
    }
    const image = `${info.cephPool}/${volume}`;
    const current = await this.get(pool, volume);
    if (current) {
      if (spec.sizeGiB < current.sizeGiB) {
        throw errors.conflict(
          `refusing to shrink volume ${JSON.stringify(volume)} from ${current.sizeGiB} GiB to ${spec.sizeGiB} GiB: shrinking destroys data; create a new, smaller volume instead`,
        );
      }
      if (spec.sizeGiB > current.sizeGiB && !(await this.liveGrow(current.path, spec.sizeGiB))) {
        await this.cli.run('rbd', ['resize', '--size', `${spec.sizeGiB}G`, image], `grow image ${image}`);
      }
      if (current.address !== spec.address) await this.pools.setVolumeAddress(pool, volume, spec.address);
      return { ...current, sizeGiB: Math.max(current.sizeGiB, spec.sizeGiB), address: spec.address };
    }
    const ctx = { created: false };
    await new FlowChain<typeof ctx>(
      `create rbd volume ${pool}/${volume}`,
      [
        {
          name: 'create image',
          run: async (c) => {
            c.created = true;
            if (spec.fromSnapshot) {
              const from = spec.fromSnapshot;
              if (!this.snapshots) throw new Error('bug: rbd volumes from snapshots need RbdSnapshots');
              await this.snapshots.protect(pool, from.volume, from.snapshot);
              const parent = `${cephPoolName(pool)}/${from.volume}@${from.snapshot}`;
              return this.clone(
                parent,
                `snapshot ${from.volume}@${from.snapshot}`,
                from.mode,
                image,
                spec.sizeGiB,
                info.cephDataPool,
              );
            }
            if (spec.source) {
              const src = spec.source;
              const found = await this.images?.get(src.store, src.image);
              if (!found) {
                throw errors.notFound(
                  `image ${JSON.stringify(src.image)} is not in an rbd image store ${JSON.stringify(src.store)} of this host's Ceph cluster: a volume of rbd pool ${JSON.stringify(pool)} is an rbd clone of an image of an rbd image storage (kind = "rbd"); import the image there, or put the volume in a dir pool`,
                );
              }
              if (src.cloneMode === 'rapid') {
                throw errors.invalidRequest(
                  `clone_mode = "rapid" is for dir pools (a qcow2 overlay flattened in the background); a volume of rbd pool ${JSON.stringify(pool)} is "linked" (an rbd clone of the image) or "full" (cloned, then flattened)`,
                );
              }
              return this.clone(
                imageParent(src.store, src.image),
                `image ${src.store}/${src.image}`,
                src.cloneMode,
                image,
                spec.sizeGiB,
                info.cephDataPool,
              );
            }
            await this.cli.run(
              'rbd',
              [
                'create',
                '--size',
                `${spec.sizeGiB}G`,
                ...(info.cephDataPool ? ['--data-pool', info.cephDataPool] : []),
                ...(info.thinProvisioning ? [] : ['--thick-provision']),
                image,
              ],
              `create image ${image}`,
            );
          },
          rollback: async (c) => {
            if (c.created) await this.cli.runOnData(['rm', '--no-progress', image], `delete image ${image}`);
          },
        },
        {
          name: 'record address',
          run: async () => {
            // A volume of this name made before (and purged) may have left its source behind.
            const stale = (await this.pools.metadata(pool))?.[sourceMetaKey(volume)] !== undefined;
            if (spec.source || stale)
              await this.pools.setMetaKey(
                pool,
                sourceMetaKey(volume),
                spec.source ? encodeMeta(spec.source) : null,
              );
            await this.pools.setVolumeAddress(pool, volume, spec.address);
          },
          rollback: async () => undefined,
        },
      ],
      this.flowOptions,
    ).run(ctx);
    return {
      pool,
      name: volume,
      address: spec.address,
      format: 'raw',
      sizeGiB: spec.sizeGiB,
      path: rbdPath(pool, volume),
      allocatedBytes: 0,
      ...(spec.source
        ? {
            source: {
              ...spec.source,
              state: spec.source.cloneMode === 'linked' ? ('linked' as const) : ('independent' as const),
            },
          }
        : {}),
    };
  }

  /**
   * A volume made from a snapshot or an image: an rbd clone of the protected snapshot `parent`,
   * flattened into an independent image for a full copy, then grown to the asked size.
   */
  private async clone(
    parent: string,
    what: string,
    mode: 'linked' | 'full' | 'rapid',
    image: string,
    sizeGiB: number,
    dataPool: string | null,
  ): Promise<void> {
    await this.cli.run(
      'rbd',
      ['clone', ...(dataPool ? ['--data-pool', dataPool] : []), parent, image],
      `clone ${parent} to ${image}`,
    );
    if (mode !== 'linked') {
      await this.cli.runOnData(['flatten', '--no-progress', image], `flatten ${image}`);
    }
    const { size } = await this.cli.json<{ size: number }>('rbd', ['info', image], `inspect ${image}`);
    if (sizeGiB * GIB < size) {
      throw errors.conflict(
        `${what} holds ${Math.ceil(size / GIB)} GiB: a volume made from it needs size_gib of at least that`,
      );
    }
    if (sizeGiB * GIB > size) {
      await this.cli.run('rbd', ['resize', '--no-progress', '--size', `${sizeGiB}G`, image], `grow ${image}`);
    }
  }

  async delete(pool: string, volume: string): Promise<DeleteResult> {
    const meta = await this.pools.volumeAddresses(pool);
    if (meta?.[volume] === undefined) return { deleted: false };
    const path = rbdPath(pool, volume);
    const users = await this.users(path);
    if (users.length > 0) {
      throw errors.conflict(
        `volume ${JSON.stringify(volume)} in pool ${JSON.stringify(pool)} is used by domain(s) ${users.join(', ')}; delete or change those domains first`,
      );
    }
    const image = `${cephPoolName(pool)}/${volume}`;
    const gone = await this.cli.callOnData(['rm', '--no-progress', image], `delete image ${image}`);
    if (gone.exitCode !== 0 && !/No such file or directory/.test(gone.stderr)) {
      throw errors.toolFailed(`delete image ${image}: rbd exited with ${gone.exitCode}`, gone.stderr.trim());
    }
    await this.pools.setVolumeAddress(pool, volume, null);
    if ((await this.pools.metadata(pool))?.[sourceMetaKey(volume)] !== undefined)
      await this.pools.setMetaKey(pool, sourceMetaKey(volume), null);
    return { deleted: true };
  }
}

/** The pool metadata key holding the clone mode of a volume made from an image (nssv.source.<volume>). */
export const sourceMetaKey = (volume: string): string => `nssv.source.${volume}`;

/** Where a volume made from an image stands: an rbd clone still reading through its image's base snapshot, or flattened. */
function sourceOf(img: RbdImage, recorded: string | undefined): VolumeSourceInfo | undefined {
  const src = recorded === undefined ? undefined : decodeMeta<VolumeSourceSpec>(recorded);
  if (!src) return undefined;
  const parent = img.parent ? imageOfParent(img.parent) : undefined;
  const linked = parent?.store === src.store && parent.image === src.image;
  return { ...src, state: linked ? 'linked' : 'independent' };
}
