/** Stop the sandbox's Ceph cluster and remove its files (<root>/ceph). Harmless when none runs. */
import { rmSync } from 'node:fs';
import { run } from '../exec.js';
import { netnsExists } from '../netns.js';
import { stopProcesses } from '../processes.js';
import type { StateStore } from '../state.js';
import { cephPaths } from './paths.js';

/** Memstore OSDs keep nothing worth a clean shutdown: they get `termTimeoutMs` after TERM. */
export async function stopCeph(store: StateStore, termTimeoutMs: number): Promise<void> {
  const c = store.state.ceph;
  if (c === undefined) return;
  // OSDs first, the monitor last (OSDs otherwise wait for it to acknowledge their shutdown).
  const order = (role: string): number => (role.startsWith('osd.') ? 0 : role.startsWith('mgr.') ? 1 : 2);
  for (const rank of [0, 1, 2]) {
    await stopProcesses(
      c.processes.filter((r) => order(r.role) === rank),
      termTimeoutMs,
    );
  }
  store.update((s) => void (s.ceph!.processes = []));
  const ul = store.state.underlay;
  if (c.addressAdded && netnsExists(ul.netns)) {
    await run('ip', ['-n', ul.netns, 'addr', 'del', `${c.address}/24`, 'dev', ul.bridge], { reject: false });
  }
  rmSync(cephPaths(store.state.root).dir, { recursive: true, force: true });
  store.update((s) => void delete s.ceph);
}
