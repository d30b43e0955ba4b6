import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { exists } from '../util/exists.js';
import { dirname } from 'node:path';
import type {
  DeleteResult,
  SnapshotInfo,
  SnapshotSpec,
  VolumeInfo,
  VolumeSpecFromSnapshot,
} from '../../schemas/generated/agentApi.js';
import { GIB, type QemuImg } from '../drivers/qemu-img.js';
import { errors } from '../errors.js';
import { isValidName } from '../names.js';
import { FlowChain, type FlowChainOptions } from '../flow/flow.js';
import type { PoolLayout } from './layout.js';
import { readJsonRecord, type SnapshotRecord, type VolumeRecord, writeJsonRecord } from './records.js';
import { type LiveDisks, liveSnapshot } from './liveSnapshot.js';
import { liveLayerDelete } from './liveLayerDelete.js';

/** The chain limit of a dir pool's volume (the seeds: at most 128 nodes on non-distributed storage). */
export const DIR_CHAIN_LIMIT = 128;

/** How one layer backed by a deleted snapshot gets its data: qemu-img, or live under a running domain. */
type ChildRebase =
  | { kind: 'offline'; child: string }
  | { kind: 'active'; child: string; domain: string; target: string }
  | { kind: 'layer'; child: string; domain: string; target: string; image: string; volume: string };

/** Which running domains hold the image at `path` open. */
export type RunningUsers = (path: string) => Promise<string[]>;

/**
 * Snapshots of dir pools' volumes as external qcow2 layers, made with qemu-img, or through libvirt
 * while a running domain writes to the volume (liveSnapshot.ts: same result). The volume's image
 * keeps its path (domains refer to it): taking
 * snapshot s moves the image to `.nssv/snapshots/<v>/s.qcow2` (now read-only) and puts a new,
 * empty overlay backed by it in its place. Reverting replaces the image by a new overlay on s;
 * deleting s first pulls its data into every layer backed by it (`qemu-img rebase`), so what
 * each of them shows is unchanged.
 */
export class DirSnapshots {
  constructor(
    private readonly layout: PoolLayout,
    private readonly qemuImg: QemuImg,
    private readonly runningUsers: RunningUsers,
    private readonly flowOptions: FlowChainOptions = {},
    /** libvirt, for snapshots of volumes a running domain uses; without it those are refused. */
    private readonly live?: LiveDisks,
  ) {}

  async list(pool: string, volume: string): Promise<SnapshotInfo[]> {
    const files = await readdir(this.layout.snapshotDir(pool, volume)).catch(() => [] as string[]);
    const names = files
      .filter((f) => f.endsWith('.json') && isValidName('snapshot', f.slice(0, -5)))
      .map((f) => f.slice(0, -5))
      .sort();
    const out: SnapshotInfo[] = [];
    for (const name of names) {
      const r = await readJsonRecord<SnapshotRecord>(this.layout.snapshotRecord(pool, volume, name));
      if (r && (await exists(this.layout.snapshotPath(pool, volume, name)))) {
        out.push({ pool, volume, name, address: r.address, createdAt: r.createdAt });
      }
    }
    return out;
  }

  async put(pool: string, volume: string, snapshot: string, spec: SnapshotSpec): Promise<SnapshotInfo> {
    const record = await this.volumeRecord(pool, volume);
    const recordPath = this.layout.snapshotRecord(pool, volume, snapshot);
    const existing = await readJsonRecord<SnapshotRecord>(recordPath);
    if (existing && (await exists(this.layout.snapshotPath(pool, volume, snapshot)))) {
      if (existing.address !== spec.address)
        await writeJsonRecord(recordPath, { ...existing, address: spec.address });
      return { pool, volume, name: snapshot, address: spec.address, createdAt: existing.createdAt };
    }
    if (record.format !== 'qcow2') {
      throw errors.conflict(
        `volume ${JSON.stringify(volume)} in pool ${JSON.stringify(pool)} is raw: snapshots in a dir pool are qcow2 layers; recreate the volume with format = "qcow2"`,
      );
    }
    const taken = (await this.list(pool, volume)).length;
    if (taken >= DIR_CHAIN_LIMIT) {
      throw errors.conflict(
        `volume ${JSON.stringify(volume)} in pool ${JSON.stringify(pool)} already has ${taken} snapshots, the most a dir pool's chain holds (${DIR_CHAIN_LIMIT}); delete one first`,
      );
    }
    const image = this.layout.volumePath(pool, volume, 'qcow2');
    const layer = this.layout.snapshotPath(pool, volume, snapshot);
    const user = await this.live?.runningDiskOf(image);
    if (!user) await this.refuseRunning(image, volume, 'take a snapshot of');
    const { virtualSizeBytes } = await this.qemuImg.info(image);
    const createdAt = new Date().toISOString();
    if (user) {
      // Live: libvirt moves the domain over; the layout ends as an offline snapshot leaves it.
      await liveSnapshot(
        this.live!,
        user,
        { image, layer, scratch: this.layout.scratchPath(pool, `${volume}.live.qcow2`) },
        () => this.qemuImg.createOverlay(image, layer, 'qcow2', Math.ceil(virtualSizeBytes / GIB)),
        this.flowOptions,
      );
      await writeJsonRecord(recordPath, { address: spec.address, createdAt });
      return { pool, volume, name: snapshot, address: spec.address, createdAt };
    }
    const ctx = { moved: false, overlay: false };
    await new FlowChain<typeof ctx>(
      `snapshot ${pool}/${volume}@${snapshot}`,
      [
        {
          name: 'freeze the image as the snapshot layer',
          run: async (c) => {
            await mkdir(dirname(layer), { recursive: true });
            await rename(image, layer);
            c.moved = true;
          },
          rollback: async (c) => {
            if (c.moved) await rename(layer, image);
          },
        },
        {
          name: 'new overlay in its place',
          run: async (c) => {
            c.overlay = true;
            await this.qemuImg.createOverlay(image, layer, 'qcow2', Math.ceil(virtualSizeBytes / GIB));
          },
          rollback: async (c) => {
            if (c.overlay) await rm(image, { force: true });
          },
        },
        {
          name: 'write snapshot record',
          run: async () => writeJsonRecord(recordPath, { address: spec.address, createdAt }),
          rollback: async () => rm(recordPath, { force: true }),
        },
      ],
      this.flowOptions,
    ).run(ctx);
    return { pool, volume, name: snapshot, address: spec.address, createdAt };
  }

  /**
   * Deletes the snapshot after pulling its data into every layer backed by it (the volume, later
   * snapshots, linked clones). A layer a running domain reads is rebased live: its active image
   * with `virsh blockpull --base`, a snapshot layer under it with liveLayerDelete (two block
   * copies); the files and XML end as the offline delete leaves them.
   */
  async delete(pool: string, volume: string, snapshot: string): Promise<DeleteResult> {
    const recordPath = this.layout.snapshotRecord(pool, volume, snapshot);
    const layer = this.layout.snapshotPath(pool, volume, snapshot);
    if (!(await readJsonRecord<SnapshotRecord>(recordPath)) || !(await exists(layer))) {
      await rm(recordPath, { force: true });
      return { deleted: false };
    }
    const children = await this.childrenOf(pool, layer);
    const ways: ChildRebase[] = [];
    for (const child of children) ways.push(await this.howToRebase(pool, volume, snapshot, child));
    const parent = (await this.qemuImg.info(layer)).backingFile ?? null;
    for (const way of ways) {
      if (way.kind === 'offline') await this.qemuImg.rebase(way.child, parent);
      else if (way.kind === 'active') await this.live!.blockPull(way.domain, way.target, parent);
      else await this.rebaseLayerLive(pool, way, parent);
    }
    await rm(layer, { force: true });
    await rm(recordPath, { force: true });
    return { deleted: true };
  }

  /** How a layer backed by a deleted snapshot gets that snapshot's data; refuses what cannot be done live. */
  private async howToRebase(
    pool: string,
    volume: string,
    snapshot: string,
    child: string,
  ): Promise<ChildRebase> {
    if (!this.live) {
      await this.refuseRunning(child, volume, 'delete a snapshot under');
      return { kind: 'offline', child };
    }
    const active = await this.live.runningDiskOf(child);
    if (active) return { kind: 'active', child, domain: active.domain, target: active.target };
    const readers: Extract<ChildRebase, { kind: 'layer' }>[] = [];
    for (const image of await this.qcow2Images(pool)) {
      const user = await this.live.runningDiskOf(image.path);
      if (user && (await this.chainOf(image.path)).includes(child)) {
        readers.push({
          kind: 'layer',
          child,
          domain: user.domain,
          target: user.target,
          image: image.path,
          volume: image.volume,
        });
      }
    }
    if (readers.length > 1) {
      throw errors.conflict(
        `cannot delete snapshot ${JSON.stringify(snapshot)} of volume ${JSON.stringify(volume)} while running domains ${readers.map((r) => r.domain).join(', ')} all read the layer above it (${child}): it is rebased live under one domain at a time; set power_state = "shutoff" on all but one of those VMs first`,
      );
    }
    return readers[0] ?? { kind: 'offline', child };
  }

  private async rebaseLayerLive(
    pool: string,
    way: Extract<ChildRebase, { kind: 'layer' }>,
    parent: string | null,
  ): Promise<void> {
    const { virtualSizeBytes } = await this.qemuImg.info(way.image);
    const sizeGiB = Math.ceil(virtualSizeBytes / GIB);
    const scratch = (suffix: string) => this.layout.scratchPath(pool, `${way.volume}.${suffix}.qcow2`);
    await liveLayerDelete(
      this.live!,
      { domain: way.domain, target: way.target, image: way.image },
      {
        child: way.child,
        parent,
        merged: scratch('merged'),
        oldChild: scratch('old-layer'),
        interim: scratch('interim'),
        oldImage: scratch('old-image'),
      },
      {
        copy: (from, to) => copyFile(from, to),
        rebase: (path, backing) => this.qemuImg.rebase(path, backing),
        overlay: (path, backing) => this.qemuImg.createOverlay(path, backing, 'qcow2', sizeGiB),
        overlayOnLive: (path, backing) => this.qemuImg.createOverlay(path, backing, 'qcow2', sizeGiB, true),
      },
      this.flowOptions,
    );
  }

  /** The files of an image's backing chain, itself excluded. */
  private async chainOf(image: string): Promise<string[]> {
    const out: string[] = [];
    let next = (await this.qemuImg.info(image)).backingFile;
    while (next !== undefined && out.length <= DIR_CHAIN_LIMIT + 1 && !out.includes(next)) {
      out.push(next);
      next = (await exists(next)) ? (await this.qemuImg.info(next)).backingFile : undefined;
    }
    return out;
  }

  /** The pool's qcow2 volumes' images. */
  private async qcow2Images(pool: string): Promise<{ volume: string; path: string }[]> {
    const files = await readdir(this.layout.volumeRecordDir(pool)).catch(() => [] as string[]);
    const out: { volume: string; path: string }[] = [];
    for (const f of files.filter((x) => x.endsWith('.json')).sort()) {
      const v = f.slice(0, -5);
      const r = await readJsonRecord<VolumeRecord>(this.layout.volumeRecord(pool, v));
      const path = this.layout.volumePath(pool, v, 'qcow2');
      if (r?.format === 'qcow2' && (await exists(path))) out.push({ volume: v, path });
    }
    return out;
  }

  /** The volume's data becomes the snapshot's again: what was written since is discarded. */
  async revert(pool: string, volume: string, snapshot: string): Promise<void> {
    const record = await this.volumeRecord(pool, volume);
    const layer = this.layout.snapshotPath(pool, volume, snapshot);
    if (!(await readJsonRecord<SnapshotRecord>(this.layout.snapshotRecord(pool, volume, snapshot)))) {
      throw errors.notFound(
        `volume ${JSON.stringify(volume)} in pool ${JSON.stringify(pool)} has no snapshot ${JSON.stringify(snapshot)}`,
      );
    }
    const image = this.layout.volumePath(pool, volume, record.format);
    await this.refuseRunning(image, volume, 'revert');
    const { virtualSizeBytes } = await this.qemuImg.info(image);
    const scratch = this.layout.scratchPath(pool, `${volume}.revert.qcow2`);
    await mkdir(dirname(scratch), { recursive: true });
    await rm(scratch, { force: true });
    await this.qemuImg.createOverlay(scratch, layer, 'qcow2', Math.ceil(virtualSizeBytes / GIB));
    await rename(scratch, image);
  }

  /** Makes a new volume's image from a snapshot: an overlay on it (linked) or a flattened copy (full). */
  async materialize(
    pool: string,
    source: VolumeSpecFromSnapshot,
    target: string,
    format: VolumeInfo['format'],
    sizeGiB: number,
  ): Promise<void> {
    const layer = this.layout.snapshotPath(pool, source.volume, source.snapshot);
    if (!(await exists(layer))) {
      throw errors.notFound(
        `volume ${JSON.stringify(source.volume)} in pool ${JSON.stringify(pool)} has no snapshot ${JSON.stringify(source.snapshot)} to create a volume from`,
      );
    }
    const { virtualSizeBytes } = await this.qemuImg.info(layer);
    if (sizeGiB * GIB < virtualSizeBytes) {
      throw errors.conflict(
        `snapshot ${source.volume}@${source.snapshot} holds ${virtualSizeBytes / GIB} GiB: a volume made from it needs size_gib of at least that`,
      );
    }
    if (source.mode === 'linked') {
      if (format !== 'qcow2') {
        throw errors.invalidRequest(
          `a linked volume in a dir pool is a qcow2 overlay on the snapshot: set format = "qcow2", or clone_mode = "full"`,
        );
      }
      await this.qemuImg.createOverlay(target, layer, 'qcow2', sizeGiB);
      return;
    }
    await this.qemuImg.convert(layer, 'qcow2', target, format);
    await this.qemuImg.grow(target, format, sizeGiB);
  }

  /** Linked volumes of the pool that still read through one of `volume`'s snapshots (they must go first). */
  async clonesOf(pool: string, volume: string): Promise<string[]> {
    const dir = this.layout.volumeRecordDir(pool);
    const files = await readdir(dir).catch(() => [] as string[]);
    const out: string[] = [];
    for (const f of files.filter((x) => x.endsWith('.json')).sort()) {
      const r = await readJsonRecord<VolumeRecord>(this.layout.volumeRecord(pool, f.slice(0, -5)));
      if (r?.fromSnapshot?.volume !== volume || r.fromSnapshot.mode !== 'linked') continue;
      const image = this.layout.volumePath(pool, f.slice(0, -5), r.format);
      const backing = (await exists(image)) ? (await this.qemuImg.info(image)).backingFile : undefined;
      if (backing?.startsWith(`${this.layout.snapshotDir(pool, volume)}/`)) out.push(f.slice(0, -5));
    }
    return out;
  }

  /** Images whose backing file is `layer`: the volume, its later snapshots, linked clones. */
  private async childrenOf(pool: string, layer: string): Promise<string[]> {
    const candidates: string[] = [];
    const volumes = await readdir(this.layout.volumeRecordDir(pool)).catch(() => [] as string[]);
    for (const f of volumes.filter((x) => x.endsWith('.json'))) {
      const v = f.slice(0, -5);
      const r = await readJsonRecord<VolumeRecord>(this.layout.volumeRecord(pool, v));
      if (r?.format !== 'qcow2') continue;
      candidates.push(this.layout.volumePath(pool, v, 'qcow2'));
      const snaps = await readdir(this.layout.snapshotDir(pool, v)).catch(() => [] as string[]);
      for (const s of snaps.filter((x) => x.endsWith('.qcow2'))) {
        candidates.push(this.layout.snapshotPath(pool, v, s.slice(0, -6)));
      }
    }
    const out: string[] = [];
    for (const c of candidates) {
      if (c === layer || !(await exists(c))) continue;
      if ((await this.qemuImg.info(c)).backingFile === layer) out.push(c);
    }
    return out;
  }

  private async volumeRecord(pool: string, volume: string): Promise<VolumeRecord> {
    const record = await readJsonRecord<VolumeRecord>(this.layout.volumeRecord(pool, volume));
    if (!record) {
      throw errors.notFound(`pool ${JSON.stringify(pool)} has no volume ${JSON.stringify(volume)}`);
    }
    return record;
  }

  private async refuseRunning(path: string, volume: string, what: string): Promise<void> {
    const users = await this.runningUsers(path);
    if (users.length > 0) {
      throw errors.conflict(
        `cannot ${what} volume ${JSON.stringify(volume)} while running domain(s) ${users.join(', ')} use it: a dir pool's snapshots are made with qemu-img on an image no running VM holds open; set power_state = "shutoff" on the VM first`,
      );
    }
  }
}
