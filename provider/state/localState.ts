import { join } from 'node:path';
import { LocalBackend } from './backends/localBackend.js';
import { Codec } from './encryption/codec.js';
import { StateStore } from './store.js';

export const STATE_FILE = 'nssv.tfstate';
export type { LockInfo } from './lockInfo.js';

/** The default store: nssv.tfstate in the configuration directory, unencrypted. */
export class LocalStateStore extends StateStore {
  readonly path: string;

  constructor(dir: string) {
    const path = join(dir, STATE_FILE);
    super(dir, new LocalBackend(path), new Codec('state', undefined, undefined));
    this.path = path;
  }
}
