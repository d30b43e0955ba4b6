import { DiagnosticsError } from '../../core/diagnostic.js';
import type { BackendSettings, StateSettings } from '../../planner/config/stateSettings.js';
import type { State } from '../../planner/state/types.js';
import { readInitRecord, sameBackend, writeInitRecord } from './initRecord.js';
import { describeBackend, storeFor } from './open.js';

export interface InitOptions {
  migrateState: boolean;
  reconfigure: boolean;
  /** Overwrite a non-empty state of another history in the new backend. */
  forceCopy: boolean;
}

export type InitOutcome =
  | { kind: 'unchanged'; backend: BackendSettings }
  | { kind: 'reconfigured'; from: BackendSettings; to: BackendSettings }
  | { kind: 'migrated'; from: BackendSettings; to: BackendSettings; state: State | undefined };

function err(code: string, summary: string, detail: string): DiagnosticsError {
  return new DiagnosticsError([{ severity: 'error', code, summary, detail }]);
}

/**
 * `nssv init`: sets up the configured backend (for pg: the schema and tables) and, when the
 * backend changed since the last init, copies the state over (-migrate-state) exactly as it is —
 * same serial, lineage and resources — or starts from the new one (-reconfigure). Both stores
 * are locked while copying.
 */
export async function initBackend(
  configDir: string,
  settings: StateSettings,
  o: InitOptions,
): Promise<InitOutcome> {
  const record = await readInitRecord(configDir);
  const recorded = record?.backend ?? { type: 'local' as const };
  const to = settings.backend;
  // A first init with nothing in the default local file has nothing to migrate.
  const nothingBefore = !record && !(await storeFor(configDir, settings, recorded).backend.readText());
  if (sameBackend(recorded, to) || o.reconfigure || nothingBefore) {
    const store = storeFor(configDir, settings);
    try {
      await store.readStored(); // connects, creates the tables, checks the key
    } finally {
      await store.close();
    }
    await writeInitRecord(configDir, to);
    return sameBackend(recorded, to) || nothingBefore
      ? { kind: 'unchanged', backend: to }
      : { kind: 'reconfigured', from: recorded, to };
  }
  if (!o.migrateState) {
    throw err(
      'NSSV_BACKEND_CHANGED',
      `the backend changed from ${describeBackend(recorded)} to ${describeBackend(to)}`,
      'Run nssv init -migrate-state to copy the state to the new backend, or nssv init -reconfigure to use the new backend as it is. Nothing was changed.',
    );
  }
  const from = storeFor(configDir, settings, recorded);
  const into = storeFor(configDir, settings, to);
  try {
    await from.lock('nssv init -migrate-state');
    await into.lock('nssv init -migrate-state');
    const state = await from.readStored();
    const there = await into.readStored();
    if (state && there && there.resources.length > 0) {
      const otherHistory = there.lineage !== state.lineage;
      if ((otherHistory || there.serial > state.serial) && !o.forceCopy) {
        throw err(
          'NSSV_BACKEND_MIGRATE_CONFLICT',
          `${describeBackend(to)} already holds a state (serial ${there.serial}, lineage ${there.lineage}, ${there.resources.length} instance(s)) that ${otherHistory ? 'has another history than' : 'is newer than'} the one to copy (serial ${state.serial}, lineage ${state.lineage})`,
          'Nothing was copied. If the state in the new backend is to be replaced, run nssv init -migrate-state -force-copy; otherwise point the backend elsewhere.',
        );
      }
    }
    if (state) await into.replace(state);
    await writeInitRecord(configDir, to);
    return { kind: 'migrated', from: recorded, to, state };
  } finally {
    await into.close();
    await from.close();
  }
}
