import { DiagnosticsError, type Diagnostic } from '../../core/diagnostic.js';
import type { LoadOptions } from '../../planner/config/types.js';
import type { Plan } from '../../planner/plan/types.js';
import { LocalStateStore } from '../../provider/state/localState.js';
import { writePlanFile } from '../plan/planFile.js';
import { preparePlan } from '../plan/preparePlan.js';

export interface PlanCommandRequest {
  configDir: string;
  mode: Plan['mode'];
  load: LoadOptions;
  targets: string[];
  replace: string[];
  /** Save the plan to this file (nssv plan -out FILE). */
  out?: string;
}

/** `nssv plan`: what apply would change; throws a DiagnosticsError when it cannot plan. */
export async function runPlan(req: PlanCommandRequest): Promise<{ plan: Plan; warnings: Diagnostic[] }> {
  const outcome = await preparePlan({
    configDir: req.configDir,
    mode: req.mode,
    load: req.load,
    store: new LocalStateStore(req.configDir),
    targets: req.targets,
    replace: req.replace,
  });
  if (!outcome.plan) throw new DiagnosticsError(outcome.diagnostics);
  if (req.out) await writePlanFile(req.out, req.configDir, req.load, outcome.plan);
  return { plan: outcome.plan, warnings: outcome.diagnostics };
}
