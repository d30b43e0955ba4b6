import type { SourceRange } from '../../core/diagnostic.js';

/**
 * What the root module's `terraform { backend … encryption … }` says about where and how the
 * state is kept. The provider's state store reads it; the planner only evaluates it.
 */
export interface BackendSettings {
  type: 'local' | 'pg';
  range?: SourceRange;
  /** local: the state file, relative to the configuration directory. */
  path?: string;
  /** pg: from conn_str, else PG_CONN_STR. */
  connStr?: string;
  schemaName?: string;
  skipSchemaCreation?: boolean;
  skipTableCreation?: boolean;
}

export interface Pbkdf2Settings {
  type: 'pbkdf2';
  name: string;
  /** Sensitive: never printed. */
  passphrase: string;
  keyLength: number;
  iterations: number;
  saltLength: number;
  hashFunction: 'sha256' | 'sha512';
}

export interface MethodSettings {
  type: 'aes_gcm' | 'unencrypted';
  name: string;
  /** aes_gcm: the key provider, "pbkdf2.NAME". */
  keys?: string;
}

/** state { … } or plan { … }: the method to write with, and one to read older files with. */
export interface TargetSettings {
  /** "aes_gcm.NAME" or "unencrypted.NAME". */
  method: string;
  fallback?: string;
  /** Refuse to write unencrypted. */
  enforced: boolean;
}

export interface EncryptionSettings {
  /** Keyed "pbkdf2.NAME". */
  keyProviders: Record<string, Pbkdf2Settings>;
  /** Keyed "aes_gcm.NAME". */
  methods: Record<string, MethodSettings>;
  state?: TargetSettings;
  plan?: TargetSettings;
}

export interface StateSettings {
  backend: BackendSettings;
  encryption?: EncryptionSettings;
}

export const DEFAULT_BACKEND: BackendSettings = { type: 'local' };
