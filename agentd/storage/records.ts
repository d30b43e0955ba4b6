import { readFile } from 'node:fs/promises';
import type { VolumeFormat, VolumeSourceSpec } from '../../schemas/generated/agentApi.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export interface PoolRecord {
  address: string;
}
export interface VolumeRecord {
  address: string;
  format: VolumeFormat;
  source?: VolumeSourceSpec;
}

export async function readJsonRecord<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

export async function writeJsonRecord(path: string, record: object): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(record)}\n`);
}
