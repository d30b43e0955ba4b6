import { DiagnosticsError } from '../../core/diagnostic.js';
import type { State } from '../../planner/state/types.js';
import { upgradeState } from '../../planner/state/upgrade.js';
import { stateProblem } from './stateShape.js';
import type { StateStore } from './store.js';

function err(code: string, summary: string, detail: string): DiagnosticsError {
  return new DiagnosticsError([{ severity: 'error', code, summary, detail }]);
}

/** Parses a state file given to `nssv state push`. */
export function parsePushed(text: string, path: string): State {
  let s: unknown;
  try {
    s = JSON.parse(text);
  } catch (e) {
    throw err(
      'NSSV_STATE_PUSH_INVALID',
      `${path} is not JSON (${(e as Error).message})`,
      'Give a state written by nssv state pull.',
    );
  }
  if (typeof s === 'object' && s !== null && 'encryption_version' in s)
    throw err(
      'NSSV_STATE_PUSH_INVALID',
      `${path} is an encrypted state`,
      'Push the plain state that nssv state pull prints.',
    );
  const problem = stateProblem(s);
  if (problem)
    throw err(
      'NSSV_STATE_PUSH_INVALID',
      `${path} is not an nssv state: ${problem}`,
      'Give a state written by nssv state pull.',
    );
  return upgradeState(s as State);
}

/**
 * Replaces the stored state, with Terraform's safety checks: the pushed state must continue the
 * same history (lineage) and not be older than the stored one; -force skips both and writes it
 * as the next serial.
 */
export async function pushState(store: StateStore, pushed: State, force: boolean): Promise<State> {
  const current = await store.readStored();
  if (!current) return store.replace(pushed);
  if (force) return store.replace({ ...pushed, serial: Math.max(pushed.serial, current.serial + 1) });
  if (pushed.lineage !== current.lineage)
    throw err(
      'NSSV_STATE_PUSH_LINEAGE',
      `the pushed state has lineage ${pushed.lineage}, the stored one ${current.lineage}: they are different histories`,
      'Nothing was changed. If the pushed state is to replace it anyway, run nssv state push -force FILE.',
    );
  if (pushed.serial < current.serial)
    throw err(
      'NSSV_STATE_PUSH_OLDER',
      `the pushed state has serial ${pushed.serial}, older than the stored serial ${current.serial}`,
      'Nothing was changed. Pull the current state (nssv state pull), edit that, and push it; or use -force.',
    );
  if (pushed.serial === current.serial) {
    if (JSON.stringify(pushed) === JSON.stringify(current)) return current;
    throw err(
      'NSSV_STATE_PUSH_OLDER',
      `the pushed state has the stored serial ${current.serial} but other content`,
      'Nothing was changed. Increase "serial" in the pushed file to say it is newer, or use -force.',
    );
  }
  return store.replace(pushed);
}
