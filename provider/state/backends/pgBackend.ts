import type pg from 'pg';
import { stateErrors } from '../errors.js';
import type { LockInfo } from '../lockInfo.js';
import type { StateBackend, StateVersion } from './backend.js';

export interface PgBackendConfig {
  connString: string;
  schemaName: string;
  skipSchemaCreation?: boolean;
  skipTableCreation?: boolean;
  /** Workspace name; nssv has one per configuration ("default"). */
  name?: string;
}

/** Both halves of the advisory lock key: nssv's class, and the state within the database. */
const LOCK_CLASS = 0x6e737376; // "nssv"

/** postgres://user:secret@h/db → postgres://user:***@h/db (for messages). */
export function maskConnString(s: string): string {
  return s.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@').replace(/(password=)\S+/i, '$1***');
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * PostgreSQL backend, configured like Terraform's `backend "pg"`. Tables in the schema:
 * `states` (the current version per workspace), `state_history` (every version written) and
 * `locks` (who holds the lock). The lock itself is a session-level advisory lock: it goes away
 * with the holder's connection, so a crashed apply never leaves the state locked; the row only
 * names the holder for others.
 */
export class PgBackend implements StateBackend {
  readonly kind = 'pg';
  private client: pg.Client | undefined;
  private held: LockInfo | undefined;
  private readonly name: string;
  private readonly s: string;

  constructor(readonly config: PgBackendConfig) {
    this.name = config.name ?? 'default';
    this.s = ident(config.schemaName);
  }

  get where(): string {
    return `PostgreSQL schema ${this.config.schemaName} at ${maskConnString(this.config.connString)}`;
  }

  private async db(): Promise<pg.Client> {
    if (this.client) return this.client;
    // Loaded on first use: importing pg costs every nssv start ~60 ms (it probes for a
    // Cloudflare runtime by constructing a fetch Response).
    const { default: pgModule } = await import('pg');
    const c = new pgModule.Client({ connectionString: this.config.connString, application_name: 'nssv' });
    c.on('error', () => {}); // a terminated session surfaces on the next query
    try {
      await c.connect();
    } catch (e) {
      await c.end().catch(() => {});
      throw stateErrors.backendUnreachable(this.where, (e as Error).message);
    }
    try {
      await this.setUp(c);
    } catch (e) {
      await c.end().catch(() => {});
      throw stateErrors.backendSetup(this.where, (e as Error).message);
    }
    this.client = c;
    return c;
  }

  private async setUp(c: pg.Client): Promise<void> {
    await c.query('BEGIN');
    try {
      // two first runs at once must not both create the tables
      await c.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_CLASS]);
      if (!this.config.skipSchemaCreation) await c.query(`CREATE SCHEMA IF NOT EXISTS ${this.s}`);
      if (!this.config.skipTableCreation) {
        await c.query(`CREATE TABLE IF NOT EXISTS ${this.s}.states (
          name text PRIMARY KEY, serial bigint NOT NULL, lineage text NOT NULL, data text NOT NULL,
          updated_at timestamptz NOT NULL DEFAULT now())`);
        await c.query(`CREATE TABLE IF NOT EXISTS ${this.s}.state_history (
          name text NOT NULL, serial bigint NOT NULL, lineage text NOT NULL, data text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(), created_by text,
          PRIMARY KEY (name, lineage, serial))`);
        await c.query(`CREATE TABLE IF NOT EXISTS ${this.s}.locks (
          name text PRIMARY KEY, info jsonb NOT NULL, backend_pid integer NOT NULL)`);
      }
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    }
  }

  private lockKey(): Promise<number> {
    return this.db()
      .then((c) =>
        c.query<{ k: number }>('SELECT hashtext($1) AS k', [`${this.config.schemaName}/${this.name}`]),
      )
      .then((r) => r.rows[0]!.k);
  }

  async readText(): Promise<string | undefined> {
    const c = await this.db();
    const r = await c.query<{ data: string }>(`SELECT data FROM ${this.s}.states WHERE name = $1`, [
      this.name,
    ]);
    return r.rows[0]?.data;
  }

  async writeText(text: string, serial: number, lineage: string): Promise<void> {
    const c = await this.db();
    await c.query('BEGIN');
    try {
      await c.query(
        `INSERT INTO ${this.s}.state_history (name, serial, lineage, data, created_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (name, lineage, serial) DO UPDATE SET data = EXCLUDED.data, created_at = now(), created_by = EXCLUDED.created_by`,
        [this.name, serial, lineage, text, this.held?.who ?? null],
      );
      await c.query(
        `INSERT INTO ${this.s}.states (name, serial, lineage, data) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO UPDATE SET serial = EXCLUDED.serial, lineage = EXCLUDED.lineage, data = EXCLUDED.data, updated_at = now()`,
        [this.name, serial, lineage, text],
      );
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    }
  }

  async lock(info: LockInfo): Promise<void> {
    const c = await this.db();
    const key = await this.lockKey();
    for (let attempt = 0; attempt < 20; attempt++) {
      const got = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [
        LOCK_CLASS,
        key,
      ]);
      if (got.rows[0]!.ok) {
        await c.query(
          `INSERT INTO ${this.s}.locks (name, info, backend_pid) VALUES ($1, $2, pg_backend_pid())
           ON CONFLICT (name) DO UPDATE SET info = EXCLUDED.info, backend_pid = EXCLUDED.backend_pid`,
          [this.name, JSON.stringify(info)],
        );
        this.held = info;
        return;
      }
      const holder = await this.holderRow();
      if (holder) throw stateErrors.locked(this.where, holder.info, `nssv force-unlock ${holder.info.id}`);
      // the holder took the advisory lock and has not written its row yet
      await new Promise((r) => setTimeout(r, 50));
    }
    throw stateErrors.locked(this.where, undefined, 'nssv force-unlock ID');
  }

  async unlock(): Promise<void> {
    if (!this.held || !this.client) return;
    const key = await this.lockKey();
    await this.client.query(`DELETE FROM ${this.s}.locks WHERE name = $1 AND info->>'id' = $2`, [
      this.name,
      this.held.id,
    ]);
    await this.client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_CLASS, key]);
    this.held = undefined;
  }

  async forceUnlock(id: string): Promise<LockInfo> {
    const c = await this.db();
    const key = await this.lockKey();
    const holder = await this.holderRow();
    const sessions = await c.query<{ pid: number }>(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::int::oid AND objid = $2::int::oid AND objsubid = 2 AND granted`,
      [LOCK_CLASS, key],
    );
    if (!holder || sessions.rows.length === 0) {
      if (holder) await c.query(`DELETE FROM ${this.s}.locks WHERE name = $1`, [this.name]);
      throw stateErrors.notLocked(this.where, id);
    }
    if (holder.info.id !== id) throw stateErrors.wrongLockId(this.where, id, holder.info);
    // the holder's session keeps the advisory lock: end that session, then drop the row
    for (const { pid } of sessions.rows) await c.query('SELECT pg_terminate_backend($1)', [pid]);
    await c.query(`DELETE FROM ${this.s}.locks WHERE name = $1 AND info->>'id' = $2`, [this.name, id]);
    return holder.info;
  }

  async history(): Promise<StateVersion[]> {
    const c = await this.db();
    const cur = await c.query<{ serial: string; lineage: string }>(
      `SELECT serial, lineage FROM ${this.s}.states WHERE name = $1`,
      [this.name],
    );
    const r = await c.query<{ serial: string; lineage: string; created_at: Date; created_by: string | null }>(
      `SELECT serial, lineage, created_at, created_by FROM ${this.s}.state_history WHERE name = $1
       ORDER BY created_at DESC, serial DESC`,
      [this.name],
    );
    const now = cur.rows[0];
    return r.rows.map((row) => ({
      serial: Number(row.serial),
      lineage: row.lineage,
      createdAt: row.created_at.toISOString(),
      ...(row.created_by ? { createdBy: row.created_by } : {}),
      current: !!now && now.serial === row.serial && now.lineage === row.lineage,
    }));
  }

  async readVersion(serial: number): Promise<string | undefined> {
    const c = await this.db();
    const r = await c.query<{ data: string }>(
      `SELECT data FROM ${this.s}.state_history WHERE name = $1 AND serial = $2 ORDER BY created_at DESC LIMIT 1`,
      [this.name, serial],
    );
    return r.rows[0]?.data;
  }

  hasBackup(): boolean {
    return true;
  }

  async close(): Promise<void> {
    if (!this.client) return;
    await this.unlock().catch(() => {});
    await this.client.end().catch(() => {});
    this.client = undefined;
  }

  private async holderRow(): Promise<{ info: LockInfo; backendPid: number } | undefined> {
    const c = await this.db();
    const r = await c.query<{ info: LockInfo; backend_pid: number }>(
      `SELECT info, backend_pid FROM ${this.s}.locks WHERE name = $1`,
      [this.name],
    );
    const row = r.rows[0];
    return row ? { info: row.info, backendPid: row.backend_pid } : undefined;
  }
}
