import { DiagnosticsError, hasErrors, type Diagnostic } from '../../core/diagnostic.js';
import type { Attributes } from '../../core/values.js';
import type { LoadOptions } from '../../planner/config/types.js';
import type { State } from '../../planner/state/types.js';
import type { AgentEndpoint } from '../../provider/agent/client.js';
import { createHandlerContext } from '../../provider/handlers/context.js';
import type { InventoryPrefetch } from '../../provider/agent/inventoryPrefetch.js';
import type { HandlerContext } from '../../provider/handlers/types.js';
import { hostEndpoints } from '../../provider/refresh.js';
import { loadAndValidate, type Validated } from './loadAndValidate.js';
import { readDataSources } from './readDataSources.js';

export interface DataRead {
  /** The configuration loaded again with what the data blocks read (or as it was, on errors). */
  loaded: Validated;
  /** The context the data blocks were read through: its inventories are reused by the refresh. */
  ctx: HandlerContext;
  endpoints: Map<string, AgentEndpoint>;
  /** Errors reading the data blocks: then `loaded` is the provisional first load. */
  diagnostics: Diagnostic[];
  /** What the data blocks read, by address (absent on errors). */
  values?: ReadonlyMap<string, Attributes>;
}

/**
 * The data pre-pass: the first load named the data blocks and the hosts (declared or in the state);
 * read the blocks from those hosts' agents, then load again with the values so that expressions,
 * count and for_each see them.
 */
export async function withDataRead(
  configDir: string,
  load: LoadOptions | undefined,
  first: Validated,
  state: State,
  prefetch?: InventoryPrefetch,
): Promise<DataRead> {
  const endpoints = hostEndpoints(first.desired, state);
  const ctx = createHandlerContext(endpoints, {}, prefetch);
  const read = await readDataSources(first.dataPending ?? [], endpoints, ctx, first.desired, state);
  if (hasErrors(read.diagnostics)) return { loaded: first, ctx, endpoints, diagnostics: read.diagnostics };
  const loaded = await loadAndValidate(configDir, { ...load, dataValues: read.values });
  return { loaded, ctx, endpoints, diagnostics: read.diagnostics, values: read.values };
}

/** Whether two endpoint maps name the same agents the same way (then one context serves both). */
export function sameEndpoints(
  a: ReadonlyMap<string, AgentEndpoint>,
  b: ReadonlyMap<string, AgentEndpoint>,
): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (JSON.stringify(v) !== JSON.stringify(b.get(k))) return false;
  return true;
}

/**
 * For commands that use the configuration without planning (import, discover, state rebuild):
 * the configuration with its data blocks read, or as it is when it has none; errors reading them
 * are thrown.
 */
export async function loadedWithData(
  configDir: string,
  load: LoadOptions | undefined,
  loaded: Validated,
  state: State,
): Promise<Validated> {
  if (!loaded.dataPending) return loaded;
  const r = await withDataRead(configDir, load, loaded, state);
  if (hasErrors(r.diagnostics)) throw new DiagnosticsError(r.diagnostics);
  return r.loaded;
}
