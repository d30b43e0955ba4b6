import { adoptObjects } from '../../provider/importing/adopt.js';
import { DiagnosticsError, type Diagnostic } from '../../core/diagnostic.js';
import { removeStaleCopies } from '../plan/staleCopies.js';
import type { LoadOptions } from '../../planner/config/types.js';
import { refreshedState } from '../../planner/plan/refreshPlan.js';
import { planHasChanges, type Plan } from '../../planner/plan/types.js';
import type { State } from '../../planner/state/types.js';
import { createHandlerContext } from '../../provider/handlers/context.js';
import type { HandlerContext } from '../../provider/handlers/types.js';
import type { Codec } from '../../provider/state/encryption/codec.js';
import { openStateStore, planCodec } from '../../provider/state/open.js';
import type { StateStore } from '../../provider/state/store.js';
import { stillStored } from '../../provider/state/stillStored.js';
import { loadForPlan } from './plan.js';
import type { Validated } from '../plan/loadAndValidate.js';
import { replayRefactoring } from '../../planner/state/refactor.js';
import { engineErrors } from '../errors.js';
import { ApplyJournal } from '../journal/applyJournal.js';
import { outputsAfterApply } from '../plan/outputs.js';
import { checkNotStale, planEndpoints, readPlanFile, type SavedPlan } from '../plan/planFile.js';
import { preparePlan, withImports } from '../plan/preparePlan.js';
import { EarlyRefresh } from '../plan/earlyRefresh.js';
import { inventoryTagsKey, readInventoryTags, type InventoryTags } from '../plan/inventoryTags.js';
import { carryInventoryTags } from '../plan/carryInventoryTags.js';
import { executePlan } from '../steps/executePlan.js';
import type { ApplyEvent, ApplyResult } from '../types.js';

export interface ApplyRequest {
  configDir: string;
  load: LoadOptions;
  /** Apply this saved plan (nssv plan -out) instead of planning now. */
  planFile?: string;
  targets: string[];
  replace: string[];
  excludes?: string[];
  autoApprove: boolean;
  parallelism: number;
  perHostParallelism: number;
  onFailure: 'rollback' | 'stop';
  /** -refresh=false: plan against the state as recorded. */
  refresh?: boolean;
}

/** What the command shows and asks while the use case runs (bin/ renders and prompts). */
export interface ApplyUi {
  /** The plan about to be applied, with the warnings planning produced (none for a saved plan). */
  planned(plan: Plan, warnings: readonly Diagnostic[]): void;
  /** Asks for approval and throws to refuse; not called for a saved plan or with auto-approve. */
  confirm(): Promise<void>;
  /** Right before the first step starts. */
  applying(plan: Plan): void;
  onEvent(e: ApplyEvent): void;
}

export type ApplyOutcome =
  | { kind: 'no-changes'; plan: Plan }
  | { kind: 'refreshed'; plan: Plan }
  | { kind: 'applied'; plan: Plan; result: ApplyResult };

interface Prepared {
  plan: Plan;
  state: State;
  ctx: HandlerContext;
  configDir: string;
  load: LoadOptions;
  /** A saved plan was reviewed when it was made: no question is asked. */
  approved: boolean;
  /** Instances of an interrupted apply taken into `state`: written even if nothing else changes. */
  recovered: string[];
  /** The state exactly as the store read it, and the inventory tags kept for it (if any). */
  stored: { state: State; tags: InventoryTags | undefined };
}

/** The state the store read last, with the inventory tags a plan kept for it (inventoryTags.ts). */
function storedWithTags(store: StateStore, state: State): Prepared['stored'] {
  const tag = store.readTag;
  return { state, tags: tag === undefined ? undefined : readInventoryTags(store.dir, inventoryTagsKey(tag)) };
}

async function fromSavedPlan(saved: SavedPlan, file: string, store: StateStore): Promise<Prepared> {
  if ((await new ApplyJournal(store.dir, store.codec).pending()).length > 0)
    throw engineErrors.interruptedBeforeSavedPlan(file);
  const stored = await store.read();
  checkNotStale(saved, stored);
  const state = withImports(
    replayRefactoring(stored, saved.plan.moved ?? [], saved.plan.forgotten ?? []),
    saved.plan.imported ?? [],
  );
  return {
    plan: saved.plan,
    state,
    ctx: createHandlerContext(planEndpoints(saved.plan)),
    configDir: saved.configDir,
    load: { ...saved.load, env: process.env },
    approved: true,
    recovered: [],
    stored: storedWithTags(store, stored),
  };
}

/**
 * What was read while the configuration loaded (EarlyRefresh): the inventories in flight, and the
 * state with the tags kept for it when it is still the one stored now that the lock is held.
 */
interface EarlyRead {
  refresh: EarlyRefresh;
  stored: State | undefined;
}

async function planNow(
  mode: Plan['mode'],
  req: ApplyRequest,
  store: StateStore,
  ui: ApplyUi,
  loaded: Validated,
  read: EarlyRead | undefined,
): Promise<Prepared> {
  const { refresh: early, stored } = read ?? {};
  const outcome = await preparePlan({
    loaded,
    configDir: req.configDir,
    mode,
    load: req.load,
    store,
    targets: req.targets,
    replace: req.replace,
    ...(req.excludes ? { excludes: req.excludes } : {}),
    ...(req.refresh === false ? { refresh: false } : {}),
    ...(stored ? { stored } : {}),
    ...(early?.prefetch ? { prefetch: early.prefetch } : {}),
    ...(early?.tags && stored ? { tags: early.tags } : {}),
  });
  if (!outcome.plan) throw new DiagnosticsError(outcome.diagnostics);
  ui.planned(outcome.plan, outcome.diagnostics);
  return {
    plan: outcome.plan,
    state: outcome.state,
    ctx: outcome.ctx,
    configDir: req.configDir,
    load: outcome.dataValues ? { ...req.load, dataValues: outcome.dataValues } : req.load,
    approved: req.autoApprove,
    recovered: outcome.recovered,
    stored: storedWithTags(store, outcome.stored),
  };
}

/**
 * plan (or a saved plan) → show → confirm → apply, holding the state lock throughout. `mode` is
 * what to plan when no saved plan is given; `command` names the lock holder, and a destroy
 * records no outputs.
 */
export async function applyFlow(
  command: 'apply' | 'destroy',
  mode: Plan['mode'],
  req: ApplyRequest,
  ui: ApplyUi,
): Promise<ApplyOutcome> {
  // As `nssv plan`: the hosts the local state records are asked while the configuration loads.
  const early = req.planFile || req.refresh === false ? undefined : new EarlyRefresh(req.configDir);
  let store: StateStore | undefined;
  try {
    // The configuration says where the state is and holds the keys (a saved plan is read with them).
    const loaded = await loadForPlan(req.configDir, req.load, early);
    const settings = loaded.settings ?? { backend: { type: 'local' as const } };
    const codec: Codec = planCodec(settings);
    const saved = req.planFile ? await readPlanFile(req.planFile, codec) : undefined;
    const read = early?.takeState();
    store = read?.store ?? (await openStateStore(saved ? saved.configDir : req.configDir, settings));
    return await applyLocked(
      command,
      mode,
      req,
      ui,
      loaded,
      saved,
      store,
      early && { refresh: early, stored: read?.state },
    );
  } finally {
    await store?.close();
    await early?.close();
  }
}

async function applyLocked(
  command: 'apply' | 'destroy',
  mode: Plan['mode'],
  req: ApplyRequest,
  ui: ApplyUi,
  loaded: Validated,
  saved: SavedPlan | undefined,
  store: StateStore,
  early: EarlyRead | undefined,
): Promise<ApplyOutcome> {
  await store.lock(`nssv ${command}`);
  let p: Prepared;
  if (saved && req.planFile) {
    p = await fromSavedPlan(saved, req.planFile, store);
    ui.planned(p.plan, []);
  } else {
    // The state read before the lock is planned with only if it is still what is stored.
    const stored = await stillStored(store, early?.stored);
    p = await planNow(mode, req, store, ui, loaded, early && { ...early, stored });
    await early?.refresh.close(); // its answers are taken; the worker is not needed for the steps
  }
  const { plan } = p;
  const saveOutputs = async (): Promise<void> => {
    if (command === 'destroy') return;
    const state = await store.read();
    const outputs = await outputsAfterApply(p.configDir, p.load, state);
    if (JSON.stringify(outputs) !== JSON.stringify(state.outputs ?? {}))
      await store.write({ ...state, outputs });
  };
  // The hosts' inventory tags that still hold for the state now stored (see carryInventoryTags).
  const keepTags = async (after: State, touched: readonly string[] = []): Promise<void> =>
    carryInventoryTags(store.dir, p.stored.tags, p.stored.state, after, await store.storedTag(), touched);
  const journal = new ApplyJournal(store.dir, store.codec);
  if (!planHasChanges(plan)) {
    if (p.recovered.length > 0) await store.write(p.state);
    await journal.clear();
    await saveOutputs();
    await keepTags(p.recovered.length > 0 ? p.state : p.stored.state);
    return { kind: 'no-changes', plan };
  }
  if (!p.approved) await ui.confirm();
  if (plan.mode === 'refresh-only') {
    const refreshed = refreshedState(p.state, plan);
    await store.write(refreshed);
    await journal.clear();
    await saveOutputs();
    await keepTags(refreshed);
    return { kind: 'refreshed', plan };
  }
  // moved / removed / import blocks: the renamed, forgotten and imported instances are recorded first
  if (plan.moved?.length || plan.forgotten?.length || plan.imported?.length) {
    // objects made outside nssv get their nssv records first (nothing else about them changes)
    await adoptObjects(p.ctx, plan.imported ?? []);
    p.state = await store.write(p.state);
  }
  ui.applying(plan);
  // Copies an HA restart left on a host that is back: gone before anything else runs.
  if (plan.staleCopies?.length) await removeStaleCopies(p.ctx, plan.staleCopies);
  const result = await executePlan({
    plan,
    state: p.state,
    store,
    ctx: p.ctx,
    parallelism: req.parallelism,
    perHostParallelism: req.perHostParallelism,
    onFailure: req.onFailure,
    onEvent: (e) => ui.onEvent(e),
    journal,
  });
  if (result.ok) await saveOutputs();
  await keepTags(
    result.state,
    (plan.staleCopies ?? []).map((c) => c.host),
  );
  return { kind: 'applied', plan, result };
}
