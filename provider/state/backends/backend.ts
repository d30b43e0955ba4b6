import type { LockInfo } from '../lockInfo.js';
import type { ChangeLog } from './changeLog.js';

/** One stored version of the state, as `nssv state history` lists it. */
export interface StateVersion {
  serial: number;
  lineage: string;
  createdAt: string;
  /** Who wrote it (user@host), when the backend records it. */
  createdBy?: string;
  /** Marks the version that is the current state. */
  current: boolean;
}

/**
 * Where the state's bytes live. A backend stores opaque text (plain or encrypted JSON: the
 * codec above it decides), keeps older versions, and holds the one lock per state. Locks
 * carry the holder's identity so a refused run can name it.
 */
export interface StateBackend {
  readonly kind: 'local' | 'pg';
  /** For messages: the file path, or "PostgreSQL schema S". */
  readonly where: string;
  /** The current state's text, or undefined when there is none yet. */
  readText(): Promise<string | undefined>;
  /**
   * Which stored text the last readText returned, as a tag that changes whenever the stored
   * state does (see LocalBackend); undefined when the backend cannot tell cheaply.
   */
  readonly textTag?: string | undefined;
  /**
   * The tag textTag would give after reading the state stored now, without reading it; undefined
   * when it has none (a change log beside it) or the backend cannot tell cheaply.
   */
  storedTag?(): Promise<string | undefined>;
  /** Stores the next version; serial and lineage are kept beside the (maybe encrypted) text. */
  writeText(text: string, serial: number, lineage: string): Promise<void>;
  /** Takes the lock or throws NSSV_STATE_LOCKED naming the holder. */
  lock(info: LockInfo): Promise<void>;
  unlock(): Promise<void>;
  /** Removes the lock with this ID whoever holds it (the holder is gone or hung). */
  forceUnlock(id: string): Promise<LockInfo>;
  history(): Promise<StateVersion[]>;
  /** The text of one stored version. */
  readVersion(serial: number): Promise<string | undefined>;
  /** Whether a previous version can be restored from (for messages about a corrupt state). */
  hasBackup(): boolean;
  close(): Promise<void>;
  /** Changes appended since the last whole write (see ChangeLog); only the local backend keeps one. */
  readonly changeLog?: ChangeLog;
}
