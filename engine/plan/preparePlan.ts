import type { DesiredInstance, LoadOptions } from '../../planner/config/types.js';
import { hasErrors, type Diagnostic } from '../../core/diagnostic.js';
import { makePlan } from '../../planner/plan/makePlan.js';
import { makeRefreshPlan } from '../../planner/plan/refreshPlan.js';
import type { Plan } from '../../planner/plan/types.js';
import type { State } from '../../planner/state/types.js';
import type { Attributes } from '../../core/values.js';
import type { AgentEndpoint } from '../../provider/agent/client.js';
import { createHandlerContext } from '../../provider/handlers/context.js';
import { ApplyJournal } from '../journal/applyJournal.js';
import { refactorState } from '../../planner/state/refactor.js';
import { checkOccupied } from './occupied.js';
import { findStaleCopies } from './staleCopies.js';
import { loadAndValidate, type Validated } from './loadAndValidate.js';
import { sameEndpoints, withDataRead } from './withDataRead.js';
import { withAdoptions } from '../../provider/importing/promote.js';
import { resolveImports, type ResolvedImport } from '../../provider/importing/resolve.js';
import type { ImportTarget } from '../../planner/config/import-eval.js';
import { providerErrors } from '../../provider/errors.js';
import { unsupportedFeatures } from '../../provider/handlers/support.js';
import type { HandlerContext } from '../../provider/handlers/types.js';
import { hostEndpoints, refresh } from '../../provider/refresh.js';
import type { StateStore } from '../../provider/state/store.js';
import type { InventoryPrefetch } from '../../provider/agent/inventoryPrefetch.js';
import {
  inventoryTagsKey,
  sameTags,
  tagsToKeep,
  writeInventoryTags,
  type InventoryTags,
} from './inventoryTags.js';

export interface PlanRequest {
  configDir: string;
  mode: Plan['mode'];
  load?: LoadOptions;
  store: StateStore;
  /** The state, when the caller read it from `store` already (EarlyRefresh). */
  stored?: State;
  targets?: string[];
  replace?: string[];
  excludes?: string[];
  /** false: plan against the state as recorded, without reading the hosts (see RefreshOptions). */
  refresh?: boolean;
  /** The configuration, when the caller loaded it already (to read the backend settings). */
  loaded?: Validated;
  /** Import targets without a resource block are let through (plan -generate-config-out). */
  allowUnconfiguredImports?: boolean;
  /** Inventories a worker is fetching (EarlyRefresh): the refresh takes those of unchanged endpoints. */
  prefetch?: InventoryPrefetch;
  /** The inventory tags the worker asked with (EarlyRefresh.tags), for the state `stored`. */
  tags?: InventoryTags;
}

export interface PlanOutcome {
  /** Absent when diagnostics hold errors. */
  plan?: Plan;
  state: State;
  /** The state as the store read it (`state` is it with an interrupted apply's creates, refactors, imports). */
  stored: State;
  desired: DesiredInstance[];
  diagnostics: Diagnostic[];
  endpoints: Map<string, AgentEndpoint>;
  ctx: HandlerContext;
  /** Instances an interrupted apply created that are now part of `state` (to be written). */
  recovered: string[];
  /** import targets that have no resource block (only with allowUnconfiguredImports). */
  unconfigured: ResolvedImport[];
  /** What the data blocks read, by address (for outputs evaluated after apply). */
  dataValues?: ReadonlyMap<string, Attributes>;
}

/** config → validate → refresh from agents → plan. */
export async function preparePlan(req: PlanRequest): Promise<PlanOutcome> {
  const stored = req.stored ?? (await req.store.read());
  const journaled = (await new ApplyJournal(req.store.dir, req.store.codec).pending()).filter(
    (r) => !stored.resources.some((x) => x.address === r.address),
  );
  let state: State = journaled.length
    ? { ...stored, resources: [...stored.resources, ...journaled] }
    : stored;
  let recovered: string[] = [];
  const first =
    req.mode === 'destroy' ? undefined : (req.loaded ?? (await loadAndValidate(req.configDir, req.load)));
  // data blocks are read from the hosts before anything that refers to them is planned
  const dataRead = first?.dataPending
    ? await withDataRead(req.configDir, req.load, first, state, req.prefetch)
    : undefined;
  const { desired, diagnostics, refactors, imports } = dataRead
    ? {
        ...dataRead.loaded,
        diagnostics: hasErrors(dataRead.diagnostics) ? dataRead.diagnostics : dataRead.loaded.diagnostics,
      }
    : (first ?? {
        desired: [] as DesiredInstance[],
        diagnostics: [] as Diagnostic[],
        refactors: undefined,
        imports: [],
      });
  // moved / removed blocks rewrite the prior state before anything is read from the hosts
  const refactored =
    refactors && (refactors.moved.length > 0 || refactors.removed.length > 0)
      ? refactorState(state, refactors.moved, refactors.removed, new Set(desired.map((d) => d.address)))
      : undefined;
  if (refactored) {
    state = refactored.state;
    diagnostics.push(...refactored.diagnostics);
  }
  const endpoints = hostEndpoints(desired, state);
  const ctx =
    dataRead && sameEndpoints(dataRead.endpoints, endpoints)
      ? dataRead.ctx
      : createHandlerContext(endpoints, {}, req.prefetch);
  diagnostics.push(...unsupportedFeatures(desired));
  let unconfigured: ResolvedImport[] = [];
  const stop = (): PlanOutcome => ({
    state,
    stored,
    desired,
    diagnostics,
    endpoints,
    ctx,
    recovered,
    unconfigured,
  });
  if (hasErrors(diagnostics)) return stop();
  // import blocks: the objects join the prior state, so the plan diffs them like any instance
  const imported = await importInto(req, ctx, desired, state, imports ?? [], diagnostics);
  if (hasErrors(diagnostics)) return stop();
  unconfigured = imported.filter((i) => !desired.some((d) => d.address === i.address));
  const adopted = imported.filter((i) => !unconfigured.includes(i));
  if (adopted.length > 0) state = withImports(state, adopted);
  // An interrupted apply's creates are found only by reading the hosts.
  const readLive = req.refresh !== false || journaled.length > 0;
  // Objects made outside nssv have no nssv record yet: read as they will be once adopted.
  const adoptions = adopted.flatMap((i) => (i.adopt ?? []).map((a) => ({ ...a, address: i.address })));
  // Tags are read and kept only for the state exactly as stored, its hosts asked by the worker.
  const tags = readLive && state === stored && req.prefetch ? tagsFor(req) : undefined;
  const refreshed = await refresh(withAdoptions(ctx, adoptions), desired, state, {
    readLive,
    ...(tags ? { tags: { known: tags.hosts } } : {}),
  });
  diagnostics.push(...refreshed.diagnostics);
  if (journaled.length > 0) {
    // Keep what the interrupted apply really created; forget creates that never happened.
    const missing = new Set(
      journaled.filter((r) => refreshed.live.get(r.address) === null).map((r) => r.address),
    );
    for (const a of missing) refreshed.live.delete(a);
    state = { ...state, resources: state.resources.filter((r) => !missing.has(r.address)) };
    recovered = journaled.map((r) => r.address).filter((a) => !missing.has(a));
    if (recovered.length > 0) diagnostics.push(providerErrors.recovered(recovered));
  }
  if (hasErrors(diagnostics)) return stop();
  const made =
    req.mode === 'refresh-only'
      ? makeRefreshPlan(state, refreshed.live)
      : makePlan({
          mode: req.mode,
          desired,
          prior: state,
          live: refreshed.live,
          hostFacts: refreshed.hostFacts,
          lostHosts: refreshed.lostHosts,
          ...(req.targets ? { targets: req.targets } : {}),
          ...(req.replace ? { replace: req.replace } : {}),
          ...(req.excludes ? { excludes: req.excludes } : {}),
        });
  const searching = readLive && req.mode !== 'refresh-only' && !hasErrors(made.diagnostics);
  // A host that answered 304 had no stale copy under this state and that inventory: none now.
  const searched = searching
    ? new Set([...refreshed.hostFacts.keys()].filter((h) => refreshed.tagged?.get(h)?.unchanged !== true))
    : new Set<string>();
  const staleCopies = searching ? await findStaleCopies(ctx, state, searched) : [];
  if (tags && refreshed.tagged && searching) {
    const keep = tagsToKeep(refreshed.tagged, searched, new Set(staleCopies.map((c) => c.host)));
    if (keep.size > 0 && !sameTags(keep, tags.hosts))
      await writeInventoryTags(req.configDir, { key: tags.key, hosts: keep });
  }
  const plan: Plan = {
    ...made,
    ...(staleCopies.length ? { staleCopies } : {}),
    ...(refactored?.moved.length ? { moved: refactored.moved } : {}),
    ...(refactored?.forgotten.length ? { forgotten: refactored.forgotten } : {}),
    ...(adopted.length ? { imported: adopted } : {}),
  };
  diagnostics.push(...plan.diagnostics);
  if (!hasErrors(diagnostics)) diagnostics.push(...(await checkOccupied(ctx, plan, desired)));
  return {
    ...stop(),
    ...(hasErrors(diagnostics) ? {} : { plan }),
    ...(dataRead?.values ? { dataValues: dataRead.values } : {}),
  };
}

/** The tags the worker asked with, when they are for the state the store read (else none known). */
function tagsFor(req: PlanRequest): InventoryTags | undefined {
  const stateTag = req.store.readTag;
  if (stateTag === undefined) return undefined;
  const key = inventoryTagsKey(stateTag);
  return req.tags?.key === key ? req.tags : { key, hosts: new Map() };
}

async function importInto(
  req: PlanRequest,
  ctx: HandlerContext,
  desired: readonly DesiredInstance[],
  state: State,
  imports: readonly ImportTarget[],
  diagnostics: Diagnostic[],
): Promise<ResolvedImport[]> {
  if (req.mode !== 'normal' || imports.length === 0) return [];
  const r = await resolveImports(ctx, desired, state, imports, req.allowUnconfiguredImports === true);
  diagnostics.push(...r.diagnostics);
  return r.imported;
}

/** The state with the imported instances in it, in address order. */
export function withImports(state: State, imported: readonly ResolvedImport[]): State {
  const resources = [...state.resources, ...imported.map((i) => i.resource)].sort((a, b) =>
    a.address < b.address ? -1 : a.address > b.address ? 1 : 0,
  );
  return { ...state, resources };
}
