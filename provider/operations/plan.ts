import { loadConfig } from '../../planner/config/load.js';
import type { DesiredInstance, LoadOptions, OutputValue } from '../../planner/config/types.js';
import { hasErrors, type Diagnostic } from '../../core/diagnostic.js';
import { makePlan } from '../../planner/plan/makePlan.js';
import { makeRefreshPlan } from '../../planner/plan/refreshPlan.js';
import { staticChecks } from '../../planner/plan/staticChecks.js';
import type { Plan } from '../../planner/plan/types.js';
import type { State } from '../../planner/state/types.js';
import { validateInstances } from '../../planner/validate/validateInstances.js';
import type { AgentEndpoint } from '../agent/client.js';
import { createHandlerContext } from '../handlers/context.js';
import { ApplyJournal } from '../state/journal.js';
import { checkOccupied } from './occupied.js';
import { providerErrors } from '../errors.js';
import { unsupportedFeatures } from '../handlers/support.js';
import type { HandlerContext } from '../handlers/types.js';
import { hostEndpoints, refresh } from '../refresh.js';
import type { StateStore } from '../state/store.js';

export interface PlanRequest {
  configDir: string;
  mode: Plan['mode'];
  load?: LoadOptions;
  store: StateStore;
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

/** Loads and validates the configuration only: no host is contacted. */
export async function loadAndValidate(
  configDir: string,
  load?: LoadOptions,
): Promise<{ desired: DesiredInstance[]; outputs: OutputValue[]; diagnostics: Diagnostic[] }> {
  const config = await loadConfig(configDir, load);
  const diagnostics = [...config.diagnostics];
  if (!hasErrors(diagnostics)) diagnostics.push(...validateInstances(config.instances));
  if (!hasErrors(diagnostics)) diagnostics.push(...staticChecks(config.instances));
  return { desired: config.instances, outputs: config.outputs, diagnostics };
}

/** config → validate → refresh from agents → plan. */
export async function planOperation(req: PlanRequest): Promise<PlanOutcome> {
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
