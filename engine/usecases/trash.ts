import { DiagnosticsError, type Diagnostic } from '../../core/diagnostic.js';
import { AgentError } from '../../provider/agent/agentError.js';
import type { LoadOptions } from '../../planner/config/types.js';
import type { TrashEntry } from '../../schemas/generated/agentApi.js';
import { createHandlerContext } from '../../provider/handlers/context.js';
import type { HandlerContext } from '../../provider/handlers/types.js';
import { hostEndpoints } from '../../provider/refresh.js';
import { loadAndValidate } from '../plan/loadAndValidate.js';
import { stateStoreOf } from '../state/stateStoreOf.js';
import { trashActionFailed } from './trashErrors.js';

/** A trash entry and the host(s) whose agent reports it (every host of the cluster for an rbd pool's). */
export type HostTrashEntry = TrashEntry & { hosts: string[] };

export interface TrashListing {
  entries: HostTrashEntry[];
  /** Hosts that did not answer, with why (their trash is not in the list). */
  unreachable: Array<{ host: string; error: string }>;
}

interface Hosts {
  ctx: HandlerContext;
  names: string[];
}

/** The hosts of a configuration (declared, or recorded in its state) and a context to call their agents. */
async function hostsOf(configDir: string, load?: LoadOptions): Promise<Hosts> {
  const store = await stateStoreOf(configDir, load);
  let state;
  try {
    state = await store.read();
  } finally {
    await store.close();
  }
  const { desired, diagnostics, dataPending } = await loadAndValidate(configDir, load);
  // only the hosts are needed: errors from data blocks not read yet do not matter here
  if (!dataPending && diagnostics.some((d) => d.severity === 'error'))
    throw new DiagnosticsError(diagnostics);
  const endpoints = hostEndpoints(desired, state);
  return { ctx: createHandlerContext(endpoints), names: [...endpoints.keys()].sort() };
}

/** `nssv trash list`: every host's trash, an rbd pool's entries once (they are the cluster's). */
export async function listTrash(configDir: string, load?: LoadOptions): Promise<TrashListing> {
  const { ctx, names } = await hostsOf(configDir, load);
  const answers = await Promise.all(
    names.map(async (host) => {
      try {
        return { host, entries: (await ctx.agent(host).listTrash()).entries };
      } catch (e) {
        return { host, error: e instanceof Error ? e.message : String(e) };
      }
    }),
  );
  const byKey = new Map<string, HostTrashEntry>();
  const unreachable: TrashListing['unreachable'] = [];
  for (const a of answers) {
    if ('error' in a) {
      unreachable.push({ host: a.host, error: a.error! });
      continue;
    }
    for (const e of a.entries) {
      const key = e.store === 'rbd' ? `rbd:${e.id}` : `${a.host}:${e.id}`;
      const seen = byKey.get(key);
      if (seen) seen.hosts.push(a.host);
      else byKey.set(key, { ...e, hosts: [a.host] });
    }
  }
  const entries = [...byKey.values()].sort((x, y) => (x.deletedAt < y.deletedAt ? 1 : -1));
  return { entries, unreachable };
}

function notInTrash(id: string, listing: TrashListing): Diagnostic {
  const known = listing.entries.map((e) => e.id);
  return {
    severity: 'error',
    code: 'NSSV_TRASH_NO_SUCH_ENTRY',
    summary: `the trash holds no entry ${JSON.stringify(id)}`,
    detail: `${known.length > 0 ? `Entries: ${known.join(', ')}. ` : 'The trash is empty. '}${listing.unreachable.length > 0 ? `Not asked (unreachable): ${listing.unreachable.map((u) => u.host).join(', ')}. ` : ''}See them with: nssv trash list`,
  };
}

async function onHolder(
  configDir: string,
  id: string,
  load: LoadOptions | undefined,
  action: 'restore' | 'purge',
  work: (ctx: HandlerContext, host: string, entry: HostTrashEntry) => Promise<void>,
): Promise<HostTrashEntry> {
  const listing = await listTrash(configDir, load);
  const entry = listing.entries.find((e) => e.id === id);
  if (!entry) throw new DiagnosticsError([notInTrash(id, listing)]);
  const { ctx } = await hostsOf(configDir, load);
  try {
    await work(ctx, entry.hosts[0]!, entry);
  } catch (e) {
    if (e instanceof AgentError) throw new DiagnosticsError([trashActionFailed(action, id, e)]);
    throw e;
  }
  return entry;
}

/**
 * `nssv trash restore ID`: moves the volume back into its pool with its data and snapshots, under
 * its old name. It is not in the state any more: the configuration adopts it with an import block.
 */
export function restoreFromTrash(configDir: string, id: string, load?: LoadOptions): Promise<HostTrashEntry> {
  return onHolder(configDir, id, load, 'restore', async (ctx, host) => {
    await ctx.agent(host).restoreTrash(id);
  });
}

/** `nssv trash purge ID`: deletes the entry for good. */
export function purgeFromTrash(configDir: string, id: string, load?: LoadOptions): Promise<HostTrashEntry> {
  return onHolder(configDir, id, load, 'purge', async (ctx, host) => {
    await ctx.agent(host).purgeTrash(id);
  });
}
