import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackendSettings } from '../../planner/config/stateSettings.js';
import { maskConnString } from './backends/pgBackend.js';

/**
 * `.nssv/backend.json` in the configuration directory: the backend `nssv init` last set up (as
 * Terraform keeps it in .terraform/). A configuration whose backend differs from it needs
 * `nssv init -migrate-state` (copy the state over) or `-reconfigure` (start from the new one),
 * so a changed backend block never silently starts from an empty state.
 */
export const INIT_DIR = '.nssv';

export interface InitRecord {
  backend: BackendSettings;
}

export function recordPath(configDir: string): string {
  return join(configDir, INIT_DIR, 'backend.json');
}

export async function readInitRecord(configDir: string): Promise<InitRecord | undefined> {
  try {
    return JSON.parse(await readFile(recordPath(configDir), 'utf8')) as InitRecord;
  } catch {
    return undefined;
  }
}

/** Mode 0600: a conn_str may hold a password. */
export async function writeInitRecord(configDir: string, backend: BackendSettings): Promise<void> {
  await mkdir(join(configDir, INIT_DIR), { recursive: true, mode: 0o700 });
  const { range: _range, ...rest } = backend;
  const tmp = `${recordPath(configDir)}.tmp-${process.pid}`;
  await writeFile(tmp, JSON.stringify({ backend: rest }, null, 2) + '\n', { mode: 0o600 });
  await rename(tmp, recordPath(configDir));
}

/** Same place: type, and for pg the server, database and schema (a changed password is the same place). */
export function sameBackend(a: BackendSettings, b: BackendSettings): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'local') return true;
  return (
    maskConnString(a.connStr ?? '') === maskConnString(b.connStr ?? '') &&
    (a.schemaName ?? '') === (b.schemaName ?? '')
  );
}
