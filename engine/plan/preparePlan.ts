import type { DesiredInstance, LoadOptions } from '../../planner/config/types.js';
import { hasErrors, type Diagnostic } from '../../core/diagnostic.js';
import { makePlan } from '../../planner/plan/makePlan.js';
import { makeRefreshPlan } from '../../planner/plan/refreshPlan.js';
import type { Plan } from '../../planner/plan/types.js';
import type { State } from '../../planner/state/types.js';
import type { AgentEndpoint } from '../../provider/agent/client.js';
import { createHandlerContext } from '../../provider/handlers/context.js';
import { ApplyJournal } from '../journal/applyJournal.js';
import { checkOccupied } from './occupied.js';
import { loadAndValidate } from './loadAndValidate.js';
import { providerErrors } from '../../provider/errors.js';
import { unsupportedFeatures } from '../../provider/handlers/support.js';
import type { HandlerContext } from '../../provider/handlers/types.js';
import { hostEndpoints, refresh } from '../../provider/refresh.js';
import type { LocalStateStore } from '../../provider/state/localState.js';

export interface PlanRequest {
  configDir: string;
  mode: Plan['mode'];
  load?: LoadOptions;
  store: LocalStateStore;
  targets?: string[];
  replace?: string[];
}

export interface PlanOutcome {
  /** Absent when diagnostics hold errors. */
  plan?: Plan;
  state: State;
  desired: DesiredInstance[];
  diagnostics: Diagnostic[];
  endpoints: Map<string, AgentEndpoint>;
  ctx: HandlerContext;
  /** Instances an interrupted apply created that are now part of `state` (to be written). */
  recovered: string[];
}

/** config → validate → refresh from agents → plan. */
export async function preparePlan(req: PlanRequest): Promise<PlanOutcome> {
  const stored = await req.store.read();
  const journaled = (await new ApplyJournal(req.store.dir).pending()).filter(
    (r) => !stored.resources.some((x) => x.address === r.address),
  );
  let state: State = journaled.length
    ? { ...stored, resources: [...stored.resources, ...journaled] }
    : stored;
  let recovered: string[] = [];
  const { desired, diagnostics } =
    req.mode === 'destroy'
      ? { desired: [] as DesiredInstance[], diagnostics: [] as Diagnostic[] }
      : await loadAndValidate(req.configDir, req.load);
  const endpoints = hostEndpoints(desired, state);
  const ctx = createHandlerContext(endpoints);
  diagnostics.push(...unsupportedFeatures(desired));
  if (hasErrors(diagnostics)) return { state, desired, diagnostics, endpoints, ctx, recovered };
  const refreshed = await refresh(ctx, desired, state);
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
  if (hasErrors(diagnostics)) return { state, desired, diagnostics, endpoints, ctx, recovered };
  const plan =
    req.mode === 'refresh-only'
      ? makeRefreshPlan(state, refreshed.live)
      : makePlan({
          mode: req.mode,
          desired,
          prior: state,
          live: refreshed.live,
          hostFacts: refreshed.hostFacts,
          ...(req.targets ? { targets: req.targets } : {}),
          ...(req.replace ? { replace: req.replace } : {}),
        });
  diagnostics.push(...plan.diagnostics);
  if (!hasErrors(diagnostics)) diagnostics.push(...(await checkOccupied(ctx, plan, desired)));
  return {
    ...(hasErrors(diagnostics) ? {} : { plan }),
    state,
    desired,
    diagnostics,
    endpoints,
    ctx,
    recovered,
  };
}
