import type { Attributes } from '../../core/values.js';

/** One resource instance as recorded after an apply. */
export interface StateResource {
  address: string;
  type: string;
  attributes: Attributes;
  /** Addresses this instance depended on when it was last applied (deletes run in reverse). */
  dependencies: string[];
  sensitivePaths: string[];
}

export interface State {
  /** The format (see upgrade.ts): 1 is read and upgraded, 2 is written. */
  version: 1 | 2;
  /** Incremented on every write; a saved plan refuses to apply if it changed. */
  serial: number;
  /** Random id of this state's history. */
  lineage: string;
  resources: StateResource[];
  /** Root module outputs as of the last successful apply (`nssv output`). */
  outputs?: Record<string, { value: unknown; sensitive: boolean }>;
}

export function emptyState(lineage: string): State {
  return { version: 2, serial: 0, lineage, resources: [] };
}
