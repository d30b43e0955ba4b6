import { readFile } from 'node:fs/promises';
import type { PoolSpec, VolumeSpec } from '../../schemas/generated/agentApi.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { orIfGone } from './orIfGone.js';

/** The sidecar record of a pool: what it was put with. */
export type PoolRecord = PoolSpec;
/** The sidecar record of a volume: its address, format and source image (the size is the image's own). */
export type VolumeRecord = Pick<VolumeSpec, 'address' | 'format' | 'source' | 'fromSnapshot'>;
/** The record of a dir pool's snapshot. */
export interface SnapshotRecord {
  address: string;
  createdAt: string;
}

export async function readJsonRecord<T>(path: string): Promise<T | undefined> {
  const text = await orIfGone(readFile(path, 'utf8'), undefined);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

export async function writeJsonRecord(path: string, record: object): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(record)}\n`);
}
