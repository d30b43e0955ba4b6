import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DiagnosticsError, type Diagnostic } from '../../core/diagnostic.js';
import type { LoadOptions } from '../../planner/config/types.js';
import type { Plan } from '../../planner/plan/types.js';
import { generatableAddress, generateConfig } from '../../planner/render/generateConfig.js';
import { openStateStore, planCodec } from '../../provider/state/open.js';
import { engineErrors } from '../errors.js';
import { loadAndValidate, type Validated } from '../plan/loadAndValidate.js';
import { writePlanFile } from '../plan/planFile.js';
import { preparePlan, type PlanOutcome } from '../plan/preparePlan.js';
import { EarlyRefresh } from '../plan/earlyRefresh.js';

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
  /** Write HCL for import targets that have no resource block (nssv plan -generate-config-out=FILE). */
  generateConfigOut?: string;
}

/** The configuration, loaded once: its backend settings need it to load without errors. */
export async function loadForPlan(
  configDir: string,
  load: LoadOptions | undefined,
  early?: EarlyRefresh,
): Promise<Validated> {
  const loaded = await loadAndValidate(configDir, load, early?.hooks());
  if (loaded.loadFailed) throw new DiagnosticsError(loaded.diagnostics.filter((d) => d.severity === 'error'));
  return loaded;
}

/** `nssv plan`: what apply would change; throws a DiagnosticsError when it cannot plan. */
export async function runPlan(
  req: PlanCommandRequest,
): Promise<{ plan: Plan; warnings: Diagnostic[]; generated?: string }> {
  // -refresh=false reads no host; otherwise the hosts are asked while the configuration loads.
  const early = req.refresh === false ? undefined : new EarlyRefresh(req.configDir);
  try {
    return await planWith(req, early);
  } finally {
    await early?.close();
  }
}

async function planWith(
  req: PlanCommandRequest,
  early: EarlyRefresh | undefined,
): Promise<{ plan: Plan; warnings: Diagnostic[]; generated?: string }> {
  let loaded = await loadForPlan(req.configDir, req.load, early);
  const settings = loaded.settings ?? { backend: { type: 'local' as const } };
  // EarlyRefresh read the state only when no backend or encryption block is declared: then it is
  // the local, unencrypted one a store opened here would read.
  const read = early?.takeState();
  const store = read?.store ?? (await openStateStore(req.configDir, settings));
  let stored = read?.state;
  let generated: string | undefined;
  const plan = async (): Promise<PlanOutcome> =>
    preparePlan({
      configDir: req.configDir,
      mode: req.mode,
      load: req.load,
      store,
      ...(stored ? { stored } : {}),
      targets: req.targets,
      replace: req.replace,
      loaded,
      ...(req.excludes ? { excludes: req.excludes } : {}),
      ...(req.generateConfigOut ? { allowUnconfiguredImports: true } : {}),
      ...(req.refresh === false ? { refresh: false } : {}),
      ...(early?.prefetch ? { prefetch: early.prefetch } : {}),
      ...(early?.tags && stored ? { tags: early.tags } : {}),
    });
  const outcome = await (async () => {
    const first = await plan();
    stored = undefined;
    if (!req.generateConfigOut || first.unconfigured.length === 0 || !first.plan) return first;
    // Write the resource blocks, then plan again with them as part of the configuration.
    const bad = first.unconfigured.find((u) => !generatableAddress(u.address));
    if (bad) throw engineErrors.cannotGenerate(bad.address);
    generated = resolve(req.configDir, req.generateConfigOut);
    const text = generateConfig(
      first.unconfigured.map((u) => ({
        address: u.address,
        type: u.resource.type,
        id: u.id,
        attributes: u.resource.attributes,
      })),
    );
    try {
      await writeFile(generated, text, { flag: 'wx', mode: 0o644 });
    } catch (e) {
      throw engineErrors.generateTarget(generated, (e as NodeJS.ErrnoException).code ?? 'error');
    }
    loaded = await loadAndValidate(req.configDir, req.load);
    return plan();
  })().finally(() => store.close());
  if (!outcome.plan) throw new DiagnosticsError(outcome.diagnostics);
  if (req.out) await writePlanFile(req.out, req.configDir, req.load, outcome.plan, planCodec(settings));
  return { plan: outcome.plan, warnings: outcome.diagnostics, ...(generated ? { generated } : {}) };
}
