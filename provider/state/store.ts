import { randomUUID } from 'node:crypto';
import { emptyState, type State } from '../../planner/state/types.js';
import type { StateBackend, StateVersion } from './backends/backend.js';
import type { Codec } from './encryption/codec.js';
import { stateErrors } from './errors.js';
import { newLockInfo, type LockInfo } from './lockInfo.js';
import { stateProblem } from './stateShape.js';

/**
 * The state as the CLI sees it: a backend (where the bytes live, the lock, the versions) and a
 * codec (encryption at rest). Writes never replace a stored state this process could not read:
 * a wrong passphrase fails the read, and a write without a successful read reads first.
 */
export class StateStore {
  private verified = false;
  private lockInfo: LockInfo | undefined;

  constructor(
    /** The configuration directory (the apply journal lives there). */
    readonly dir: string,
    readonly backend: StateBackend,
    readonly codec: Codec,
  ) {}

  get where(): string {
    return this.backend.where;
  }

  /** The state; an empty one (new lineage) when none is stored yet. */
  async read(): Promise<State> {
    const s = await this.readStored();
    return s ?? emptyState(randomUUID());
  }

  /** The stored state, or undefined when there is none. */
  async readStored(): Promise<State | undefined> {
    const text = await this.backend.readText();
    if (text === undefined) {
      this.verified = true;
      return undefined;
    }
    const s = this.parse(await this.codec.decode(text, this.where));
    this.verified = true;
    return s;
  }

  /** One stored version, decrypted (nssv state pull -serial N). */
  async readVersion(serial: number): Promise<State> {
    const text = await this.backend.readVersion(serial);
    if (text === undefined) throw stateErrors.noSuchVersion(this.where, serial);
    return this.parse(await this.codec.decode(text, `${this.where} (serial ${serial})`));
  }

  private parse(plain: string): State {
    let s: State;
    try {
      s = JSON.parse(plain) as State;
    } catch (e) {
      throw this.corrupt(`it is not JSON (${(e as Error).message})`);
    }
    const problem = stateProblem(s);
    if (problem) throw this.corrupt(problem);
    return s;
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
    const plain = JSON.stringify(state, null, 2) + '\n';
    const text = await this.codec.encode(plain, { serial: state.serial, lineage: state.lineage });
    await this.backend.writeText(text, state.serial, state.lineage);
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
