import { DiagnosticsError, type Diagnostic } from '../../core/diagnostic.js';
import type { LoadOptions } from '../../planner/config/types.js';
import type { Plan } from '../../planner/plan/types.js';
import { openStateStore, planCodec } from '../../provider/state/open.js';
import { configAndStateSettings } from '../state/stateStoreOf.js';
import { writePlanFile } from '../plan/planFile.js';
import { preparePlan } from '../plan/preparePlan.js';

export interface PlanCommandRequest {
  configDir: string;
  mode: Plan['mode'];
  load: LoadOptions;
  targets: string[];
  replace: string[];
  excludes?: string[];
  /** Save the plan to this file (nssv plan -out FILE). */
  out?: string;
  /** -refresh=false: plan against the state as recorded. */
  refresh?: boolean;
}

/** `nssv plan`: what apply would change; throws a DiagnosticsError when it cannot plan. */
export async function runPlan(req: PlanCommandRequest): Promise<{ plan: Plan; warnings: Diagnostic[] }> {
  const { config, settings } = await configAndStateSettings(req.configDir, req.load);
  const store = await openStateStore(req.configDir, settings);
  const outcome = await preparePlan({
    configDir: req.configDir,
    mode: req.mode,
    load: req.load,
    store,
    targets: req.targets,
    replace: req.replace,
    ...(req.excludes ? { excludes: req.excludes } : {}),
    ...(req.refresh === false ? { refresh: false } : {}),
    ...(req.mode === 'destroy' ? {} : { config }),
  }).finally(() => store.close());
  if (!outcome.plan) throw new DiagnosticsError(outcome.diagnostics);
  if (req.out) await writePlanFile(req.out, req.configDir, req.load, outcome.plan, planCodec(settings));
  return { plan: outcome.plan, warnings: outcome.diagnostics };
}
