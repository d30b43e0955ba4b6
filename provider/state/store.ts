import { randomUUID } from 'node:crypto';
import { emptyState, type State, type StateResource } from '../../planner/state/types.js';
import type { StateBackend, StateVersion } from './backends/backend.js';
import type { Codec } from './encryption/codec.js';
import { stateErrors } from './errors.js';
import { newLockInfo, type LockInfo } from './lockInfo.js';
import { stateProblem } from './stateShape.js';
import { upgradeState } from '../../planner/state/upgrade.js';

/** How a state is read. */
export interface ReadOptions {
  /**
   * Given the stored text, when it is a plain (unencrypted) state, before it is parsed and checked:
   * what it says may not pass the checks (see EarlyRefresh, which only asks hosts for inventories);
   * and the text's tag (StateBackend.textTag), when the backend gives one.
   */
  beforeParse?: (text: string, tag: string | undefined) => void;
}

/**
 * The state as the CLI sees it: a backend (where the bytes live, the lock, the versions) and a
 * codec (encryption at rest). Writes never replace a stored state this process could not read:
 * a wrong passphrase fails the read, and a write without a successful read reads first.
 */
export class StateStore {
  private verified = false;
  /** Whether a state is stored (known after the first read). */
  private stored = false;
  private lockInfo: LockInfo | undefined;
  /**
   * A tag of the state the last read returned, exactly as stored (StateBackend.textTag; none
   * when a change log was applied): equal tags, equal states.
   */
  readTag: string | undefined;

  constructor(
    /** The configuration directory (the apply journal lives there). */
    readonly dir: string,
    readonly backend: StateBackend,
    readonly codec: Codec,
  ) {}

  get where(): string {
    return this.backend.where;
  }

  /** The tag a read of the state stored now would give (see StateBackend.storedTag). */
  async storedTag(): Promise<string | undefined> {
    return this.backend.storedTag?.();
  }

  /** The state; an empty one (new lineage) when none is stored yet. */
  async read(options: ReadOptions = {}): Promise<State> {
    const s = await this.readStored(options);
    return s ?? emptyState(randomUUID());
  }

  /** The stored state, or undefined when there is none. */
  async readStored(options: ReadOptions = {}): Promise<State | undefined> {
    this.readTag = undefined;
    const text = await this.backend.readText();
    if (text === undefined) {
      this.verified = true;
      this.stored = false;
      return undefined;
    }
    const tag = this.backend.textTag;
    const s = await this.parseStored(text, this.where, options.beforeParse, tag);
    this.verified = true;
    this.stored = true;
    const merged = await this.withLoggedChanges(s);
    if (merged === s) this.readTag = tag;
    return merged;
  }

  /** The stored state with its change log applied (what an apply had recorded when it stopped). */
  private async withLoggedChanges(s: State): Promise<State> {
    const entries = (await this.backend.changeLog?.read(s.lineage, s.serial)) ?? [];
    if (entries.length === 0) return s;
    const byAddress = new Map(s.resources.map((r) => [r.address, r]));
    for (const e of entries) {
      if (e.resource) byAddress.set(e.address, e.resource as StateResource);
      else byAddress.delete(e.address);
    }
    const resources = [...byAddress.values()].sort((a, b) =>
      a.address < b.address ? -1 : a.address > b.address ? 1 : 0,
    );
    const merged = { ...s, resources };
    const problem = stateProblem(merged);
    if (problem) throw this.corrupt(`with ${this.backend.changeLog!.path} applied, ${problem}`);
    return merged;
  }

  /**
   * Whether `appendChanges` may be used: the backend keeps a change log, a state is stored for
   * it to apply to, and the state is not encrypted (the log would hold its values in clear).
   */
  get appendsChanges(): boolean {
    return this.keepsChangeLog && this.verified && this.stored;
  }

  /** Whether changes can be appended once a state is stored (the backend keeps a log, no encryption). */
  get keepsChangeLog(): boolean {
    return this.backend.changeLog !== undefined && !this.codec.encrypts;
  }

  /** Appends instance changes on top of the stored state `base` (see ChangeLog). */
  async appendChanges(
    base: Pick<State, 'lineage' | 'serial'>,
    changes: readonly { address: string; resource: StateResource | null }[],
  ): Promise<void> {
    if (!this.appendsChanges) throw new Error('bug: appendChanges on a store that keeps no change log');
    await this.backend.changeLog!.append(
      changes.map((c) => ({
        lineage: base.lineage,
        serial: base.serial,
        address: c.address,
        resource: c.resource,
      })),
    );
  }

  /** One stored version, decrypted (nssv state pull -serial N). */
  async readVersion(serial: number): Promise<State> {
    const text = await this.backend.readVersion(serial);
    if (text === undefined) throw stateErrors.noSuchVersion(this.where, serial);
    return this.parseStored(text, `${this.where} (serial ${serial})`);
  }

  /** Stored text as a state: plain text parsed once (an envelope refused), else decoded first. */
  private async parseStored(
    text: string,
    where: string,
    beforeParse?: ReadOptions['beforeParse'],
    tag?: string,
  ): Promise<State> {
    const check = this.codec.plainCheck();
    if (!check) return this.parse(await this.codec.decode(text, where));
    beforeParse?.(text, tag);
    return this.parse(text, (v) => check(v, where));
  }

  private parse(plain: string, refuse?: (value: unknown) => void): State {
    let s: State;
    try {
      s = JSON.parse(plain) as State;
    } catch (e) {
      throw this.corrupt(`it is not JSON (${(e as Error).message})`);
    }
    refuse?.(s);
    const problem = stateProblem(s);
    if (problem) throw this.corrupt(problem);
    // Before any change log is applied: logged changes are written in the current format.
    return upgradeState(s);
  }

  private corrupt(why: string) {
    const hint =
      this.backend.kind === 'local' ? `${this.where}.backup` : 'an earlier version (nssv state history)';
    return stateErrors.corrupt(this.where, why, this.backend.hasBackup(), hint);
  }

  /** Writes the next serial of the state. */
  async write(state: State): Promise<State> {
    return this.replace({ ...state, serial: state.serial + 1 });
  }

  /** Writes exactly this state, serial included (migration, state push). */
  async replace(state: State): Promise<State> {
    if (!this.verified) await this.readStored();
    // Compact: 21,005 instances are 12.5 MB instead of 19.9 MB indented, and every plan parses them
    // a quarter faster; `nssv state pull` prints them indented.
    const plain = JSON.stringify(state) + '\n';
    const text = await this.codec.encode(plain, { serial: state.serial, lineage: state.lineage });
    await this.backend.writeText(text, state.serial, state.lineage);
    this.stored = true;
    // The whole state now holds what the log had (its entries name the serial before).
    await this.backend.changeLog?.clear();
    return state;
  }

  async lock(operation: string): Promise<void> {
    const info = newLockInfo(operation);
    await this.backend.lock(info);
    this.lockInfo = info;
  }

  async unlock(): Promise<void> {
    if (!this.lockInfo) return;
    await this.backend.unlock();
    this.lockInfo = undefined;
  }

  forceUnlock(id: string): Promise<LockInfo> {
    return this.backend.forceUnlock(id);
  }

  history(): Promise<StateVersion[]> {
    return this.backend.history();
  }

  /** Releases the lock (if held) and the backend's connection. */
  async close(): Promise<void> {
    await this.unlock();
    await this.backend.close();
  }
}
