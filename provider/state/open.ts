import { join } from 'node:path';
import { DiagnosticsError } from '../../core/diagnostic.js';
import type { BackendSettings, StateSettings } from '../../planner/config/stateSettings.js';
import type { StateBackend } from './backends/backend.js';
import { LocalBackend } from './backends/localBackend.js';
import { maskConnString, PgBackend } from './backends/pgBackend.js';
import { Codec } from './encryption/codec.js';
import { readInitRecord, sameBackend } from './initRecord.js';
import { STATE_FILE } from './localState.js';
import { StateStore } from './store.js';

export function describeBackend(b: BackendSettings): string {
  return b.type === 'local'
    ? 'the local file nssv.tfstate'
    : `PostgreSQL (schema ${b.schemaName} at ${maskConnString(b.connStr ?? '')})`;
}

export function backendFor(configDir: string, b: BackendSettings): StateBackend {
  if (b.type === 'pg')
    return new PgBackend({
      connString: b.connStr!,
      schemaName: b.schemaName ?? 'nssv_remote_state',
      ...(b.skipSchemaCreation ? { skipSchemaCreation: true } : {}),
      ...(b.skipTableCreation ? { skipTableCreation: true } : {}),
    });
  return new LocalBackend(join(configDir, STATE_FILE));
}

/** A store for this backend, with the configuration's state encryption. */
export function storeFor(configDir: string, settings: StateSettings, backend = settings.backend): StateStore {
  return new StateStore(
    configDir,
    backendFor(configDir, backend),
    new Codec('state', settings.encryption, settings.encryption?.state),
  );
}

/** The codec for saved plan files (terraform { encryption { plan { … } } }). */
export function planCodec(settings: StateSettings | undefined): Codec {
  return new Codec('plan file', settings?.encryption, settings?.encryption?.plan);
}

/**
 * The state store the configuration asks for. Refuses (NSSV_BACKEND_INIT_REQUIRED) when the
 * backend block differs from what `nssv init` last set up, so that changing it never makes
 * nssv start from an empty state while the old one still records what runs on the hosts.
 */
export async function openStateStore(
  configDir: string,
  settings: StateSettings | undefined,
): Promise<StateStore> {
  const s: StateSettings = settings ?? { backend: { type: 'local' } };
  const recorded = (await readInitRecord(configDir))?.backend ?? { type: 'local' as const };
  if (!sameBackend(recorded, s.backend)) {
    throw new DiagnosticsError([
      {
        severity: 'error',
        code: 'NSSV_BACKEND_INIT_REQUIRED',
        summary: `the configuration keeps state in ${describeBackend(s.backend)}, but this directory was set up for ${describeBackend(recorded)}`,
        detail:
          'Run nssv init -migrate-state to copy the state to the new backend, or nssv init -reconfigure to use the new backend as it is (the old state stays where it was). Nothing was read or changed.',
        ...(s.backend.range ? { range: s.backend.range } : {}),
      },
    ]);
  }
  return storeFor(configDir, s);
}
