import { mkdir, readdir, rm, rmdir, statfs } from 'node:fs/promises';
import type { DeleteResult, PoolInfo, PoolSpec } from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';
import { isValidName } from '../names.js';
import { FlowChain, type FlowChainOptions } from '../flow/flow.js';
import { PoolLayout } from './layout.js';
import { orIfGone } from './orIfGone.js';
import { type PoolRecord, readJsonRecord, writeJsonRecord } from './records.js';

/** Directory pools: a directory under the storage root with an nssv marker file. */
export class Pools {
  constructor(
    readonly layout: PoolLayout,
    private readonly flowOptions: FlowChainOptions = {},
  ) {}

  async get(pool: string): Promise<PoolInfo | undefined> {
    const record = await readJsonRecord<PoolRecord>(this.layout.poolMarker(pool));
    if (!record) return undefined;
    const path = this.layout.poolDir(pool);
    // The pool may be deleted by another request between reading its marker and measuring it.
    const fs = await orIfGone(statfs(path), undefined);
    if (!fs) return undefined;
    return {
      name: pool,
      address: record.address,
      path,
      capacityBytes: fs.blocks * fs.bsize,
      availableBytes: fs.bavail * fs.bsize,
    };
  }

  /** Pool names with a marker (only those are nssv's). */
  async list(): Promise<PoolInfo[]> {
    const entries = await orIfGone(readdir(this.layout.root), []);
    const infos = await Promise.all(
      entries
        .filter((n) => isValidName('pool', n))
        .sort()
        .map((n) => this.get(n)),
    );
    return infos.filter((i): i is PoolInfo => i !== undefined);
  }

  async put(pool: string, spec: PoolSpec): Promise<PoolInfo> {
    const ctx = { createdDir: false };
    const dir = this.layout.poolDir(pool);
    await new FlowChain<typeof ctx>(
      `put pool ${pool}`,
      [
        {
          name: 'create pool directory',
          run: async (c) => {
            c.createdDir = (await mkdir(dir, { recursive: true })) !== undefined;
          },
          rollback: async (c) => {
            if (c.createdDir) await rm(dir, { recursive: true, force: true });
          },
        },
        {
          name: 'write pool marker',
          run: async () => writeJsonRecord(this.layout.poolMarker(pool), { address: spec.address }),
          rollback: async () => undefined,
        },
      ],
      this.flowOptions,
    ).run(ctx);
    return (await this.get(pool))!;
  }

  /** Removes an empty pool; refuses while volumes (or foreign files) remain. */
  async delete(pool: string): Promise<DeleteResult> {
    if (!(await this.get(pool))) return { deleted: false };
    const dir = this.layout.poolDir(pool);
    const records = await readdir(this.layout.volumeRecordDir(pool)).catch(() => [] as string[]);
    if (records.length > 0) {
      const names = records.map((r) => r.replace(/\.json$/, '')).sort();
      throw errors.conflict(
        `pool ${JSON.stringify(pool)} still holds ${names.length} volume(s): ${names.join(', ')}; delete them first`,
      );
    }
    const others = (await readdir(dir)).filter((e) => e !== '.nssv');
    if (others.length > 0) {
      throw errors.conflict(
        `pool directory ${dir} holds files nssv does not manage: ${others.sort().join(', ')}; move them away first`,
      );
    }
    await rm(this.layout.poolMarker(pool), { force: true });
    await rmdir(this.layout.volumeRecordDir(pool)).catch(() => undefined);
    // Left by snapshots of volumes that are gone (to the trash or deleted): empty directories, scratch files.
    await rm(`${dir}/.nssv/scratch`, { recursive: true, force: true });
    await rmdir(`${dir}/.nssv/snapshots`).catch(() => undefined);
    await rmdir(`${dir}/.nssv`).catch(() => undefined);
    await rmdir(dir);
    return { deleted: true };
  }
}
