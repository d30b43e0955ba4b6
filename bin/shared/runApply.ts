import type { LoadOptions } from '../../planner/config/types.js';
import { DiagnosticsError } from '../../core/diagnostic.js';
import { planHasChanges, type Plan } from '../../planner/plan/types.js';
import { refreshedState } from '../../planner/plan/refreshPlan.js';
import { renderPlanText } from '../../planner/render/planText.js';
import type { State } from '../../planner/state/types.js';
import { createHandlerContext } from '../../provider/handlers/context.js';
import type { HandlerContext } from '../../provider/handlers/types.js';
import { applyOperation } from '../../provider/operations/apply.js';
import { outputsAfterApply } from '../../provider/operations/outputs.js';
import { planOperation } from '../../provider/operations/plan.js';
import { checkNotStale, planEndpoints, readPlanFile } from '../../provider/operations/planFile.js';
import { ApplyJournal } from '../../provider/state/journal.js';
import { stateSettingsOf } from '../../provider/state/fromConfig.js';
import { openStateStore, planCodec } from '../../provider/state/open.js';
import type { StateStore } from '../../provider/state/store.js';
import type { Codec } from '../../provider/state/encryption/codec.js';
import { cliErrors } from './errors.js';
import { confirm } from './confirm.js';
import { applySummary, failureReport, progressLine } from './progress.js';

export interface RunApplyOptions {
  command: 'apply' | 'destroy';
  configDir: string;
  load: LoadOptions;
  /** Only record in the state what changed on the hosts. */
  refreshOnly?: boolean;
  /** Apply this saved plan (nssv plan -out) instead of planning now. */
  planFile?: string;
  targets: string[];
  replace: string[];
  autoApprove: boolean;
  parallelism: number;
  perHostParallelism: number;
  onFailure: 'rollback' | 'stop';
  json: boolean;
  print: (diags: DiagnosticsError['diagnostics']) => void;
}

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
}

async function prepare(o: RunApplyOptions, store: StateStore, codec: Codec): Promise<Prepared> {
  if (o.planFile) {
    const saved = await readPlanFile(o.planFile, codec);
    if ((await new ApplyJournal(store.dir).pending()).length > 0)
      throw cliErrors.interruptedBeforeSavedPlan(o.planFile);
    const state = await store.read();
    checkNotStale(saved, state);
    const ctx = createHandlerContext(planEndpoints(saved.plan));
    return {
      plan: saved.plan,
      state,
      ctx,
      configDir: saved.configDir,
      load: { ...saved.load, env: process.env },
      approved: true,
      recovered: [],
    };
  }
  const mode: Plan['mode'] = o.command === 'destroy' ? 'destroy' : o.refreshOnly ? 'refresh-only' : 'normal';
  const outcome = await planOperation({
    configDir: o.configDir,
    mode,
    load: o.load,
    store,
    targets: o.targets,
    replace: o.replace,
  });
  if (!outcome.plan) throw new DiagnosticsError(outcome.diagnostics);
  o.print(outcome.diagnostics);
  return {
    plan: outcome.plan,
    state: outcome.state,
    ctx: outcome.ctx,
    configDir: o.configDir,
    load: o.load,
    approved: o.autoApprove,
    recovered: outcome.recovered,
  };
}

/** plan (or a saved plan) → show → confirm → apply, holding the state lock throughout. Returns the exit code. */
export async function runApply(o: RunApplyOptions): Promise<number> {
  // The configuration says where the state is and holds the keys (a saved plan is read with them).
  const settings = await stateSettingsOf(o.configDir, o.load);
  const codec = planCodec(settings);
  const dir = o.planFile ? (await readPlanFile(o.planFile, codec)).configDir : o.configDir;
  const store = await openStateStore(dir, settings);
  try {
    await store.lock(`nssv ${o.command}`);
    const p = await prepare(o, store, codec);
    const { plan } = p;
    if (!o.json) process.stdout.write(renderPlanText(plan));
    const saveOutputs = async (): Promise<void> => {
      if (o.command === 'destroy') return;
      const state = await store.read();
      const outputs = await outputsAfterApply(p.configDir, p.load, state);
      if (JSON.stringify(outputs) !== JSON.stringify(state.outputs ?? {}))
        await store.write({ ...state, outputs });
    };
    const journal = new ApplyJournal(store.dir);
    if (!planHasChanges(plan)) {
      if (p.recovered.length > 0) await store.write(p.state);
      await journal.clear();
      await saveOutputs();
      if (o.json) process.stdout.write(JSON.stringify({ applied: true, steps: 0 }) + '\n');
      return 0;
    }
    if (!p.approved) {
      await confirm(
        o.command,
        o.command === 'destroy'
          ? '\nDo you really want to destroy all resources?'
          : '\nDo you want to perform these actions?',
      );
    }
    if (plan.mode === 'refresh-only') {
      await store.write(refreshedState(p.state, plan));
      await journal.clear();
      await saveOutputs();
      process.stdout.write(
        o.json
          ? JSON.stringify({ applied: true, refreshOnly: true }) + '\n'
          : '\nApply complete! Resources: 0 added, 0 changed, 0 destroyed.\n',
      );
      return 0;
    }
    if (!o.json) process.stderr.write('\n');
    const result = await applyOperation({
      plan,
      state: p.state,
      store,
      ctx: p.ctx,
      parallelism: o.parallelism,
      perHostParallelism: o.perHostParallelism,
      onFailure: o.onFailure,
      onEvent: (e) => process.stderr.write(progressLine(e) + '\n'),
      journal,
    });
    if (o.json) {
      process.stdout.write(
        JSON.stringify({
          applied: result.ok,
          completed: result.completed.map((s) => s.id),
          failed: result.failed ? { step: result.failed.step.id, error: result.failed.error.message } : null,
          undone: result.undone.map((s) => s.id),
          undoFailures: result.undoFailures.map((u) => ({ step: u.step.id, error: u.error.message })),
        }) + '\n',
      );
    }
    if (!result.ok) {
      process.stderr.write('\n' + failureReport(result));
      return 1;
    }
    await saveOutputs();
    if (!o.json) {
      process.stdout.write(
        '\n' + applySummary(plan, result, o.command === 'destroy' ? 'Destroy' : 'Apply') + '\n',
      );
    }
    return 0;
  } finally {
    await store.close();
  }
}
