import type { LoadOptions } from '../../planner/config/types.js';
import type { State } from '../../planner/state/types.js';
import { describeHolder } from '../../provider/state/lockInfo.js';
import { initBackend } from '../../provider/state/migrate.js';
import { describeBackend } from '../../provider/state/open.js';
import { parsePushed, pushState } from '../../provider/state/push.js';
import { stateSettingsOf, stateStoreOf } from '../state/stateStoreOf.js';

/** `nssv init`: sets up the configuration's backend; what happened, in words for the user. */
export async function runInit(
  configDir: string,
  load: LoadOptions | undefined,
  options: { migrateState: boolean; reconfigure: boolean; forceCopy: boolean },
): Promise<string[]> {
  const settings = await stateSettingsOf(configDir, load);
  const r = await initBackend(configDir, settings, options);
  const lines: string[] = [];
  if (r.kind === 'migrated') {
    if (r.state) {
      lines.push(
        `Copied the state (serial ${r.state.serial}, lineage ${r.state.lineage}, ${r.state.resources.length} instance(s)) from ${describeBackend(r.from)} to ${describeBackend(r.to)}.`,
        `The copy in ${describeBackend(r.from)} was left as it was; nssv no longer reads it.`,
      );
    } else lines.push(`${describeBackend(r.from)} held no state: nothing to copy.`);
  } else if (r.kind === 'reconfigured') {
    lines.push(
      `Now using ${describeBackend(r.to)}; the state in ${describeBackend(r.from)} was left as it was.`,
    );
  }
  lines.push(`nssv has been successfully initialized: state in ${describeBackend(settings.backend)}.`);
  return lines;
}

/** `nssv force-unlock ID`: removes the lock; returns who held it, described. */
export async function runForceUnlock(
  configDir: string,
  load: LoadOptions | undefined,
  id: string,
): Promise<string> {
  const store = await stateStoreOf(configDir, load);
  try {
    return describeHolder(await store.forceUnlock(id));
  } finally {
    await store.close();
  }
}

/** `nssv state push FILE`: replaces the stored state with the file's (text read by bin/). */
export async function runStatePush(
  configDir: string,
  load: LoadOptions | undefined,
  text: string,
  path: string,
  force: boolean,
): Promise<{ where: string; state: State }> {
  const pushed = parsePushed(text, path);
  const store = await stateStoreOf(configDir, load);
  try {
    await store.lock('nssv state push');
    const written = await pushState(store, pushed, force);
    return { where: store.where, state: written };
  } finally {
    await store.close();
  }
}
