import { readFile, writeFile } from 'node:fs/promises';
import type { LoadOptions } from '../../planner/config/types.js';
import type { Plan } from '../../planner/plan/types.js';
import type { State } from '../../planner/state/types.js';
import type { AgentEndpoint } from '../../provider/agent/client.js';
import type { Codec } from '../../provider/state/encryption/codec.js';
import { stateErrors } from '../../provider/state/errors.js';
import { engineErrors } from '../errors.js';

/** A plan saved with `nssv plan -out FILE`, applied later with `nssv apply FILE`. */
export interface SavedPlan {
  format: 'nssv-plan';
  formatVersion: 1;
  createdAt: string;
  configDir: string;
  load: { vars: Array<{ name: string; value: string }>; varFiles: string[] };
  plan: Plan;
}

/** Written with mode 0600: like Terraform's, a plan file holds sensitive values (host tokens). */
export async function writePlanFile(
  path: string,
  configDir: string,
  load: LoadOptions,
  plan: Plan,
  codec?: Codec,
): Promise<void> {
  const saved: SavedPlan = {
    format: 'nssv-plan',
    formatVersion: 1,
    createdAt: new Date().toISOString(),
    configDir,
    load: { vars: load.vars ?? [], varFiles: load.varFiles ?? [] },
    plan,
  };
  const plain = JSON.stringify(saved) + '\n';
  await writeFile(path, codec ? await codec.encode(plain) : plain, { mode: 0o600 });
}

export async function readPlanFile(path: string, codec?: Codec): Promise<SavedPlan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw engineErrors.planFile(
      path,
      `cannot read the plan file (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      'Give the path that nssv plan -out wrote.',
    );
  }
  if (codec) text = await codec.decode(text, path);
  let saved: SavedPlan;
  try {
    saved = JSON.parse(text) as SavedPlan;
  } catch {
    throw engineErrors.planFile(path, 'is not an nssv plan file', 'Create one with: nssv plan -out FILE');
  }
  if (saved?.format !== 'nssv-plan' || saved.formatVersion !== 1 || !saved.plan) {
    throw engineErrors.planFile(
      path,
      'is not an nssv plan file of format version 1',
      'Create a new one with: nssv plan -out FILE',
    );
  }
  return saved;
}

/** A saved plan applies only to the state it was made from. */
export function checkNotStale(saved: SavedPlan, state: State): void {
  const { lineage, serial } = saved.plan.prior;
  const sameHistory = state.serial === 0 || lineage === state.lineage;
  if (!sameHistory || serial !== state.serial) throw stateErrors.stale(serial, state.serial);
}

/** Host endpoints recorded in the plan (planned attributes first, then the previous ones). */
export function planEndpoints(plan: Plan): Map<string, AgentEndpoint> {
  const out = new Map<string, AgentEndpoint>();
  for (const c of plan.changes) {
    if (c.type !== 'nssv_host') continue;
    const a = c.after ?? c.before;
    if (a && typeof a.name === 'string' && typeof a.endpoint === 'string' && typeof a.token === 'string') {
      out.set(a.name, {
        host: a.name,
        endpoint: a.endpoint,
        token: a.token,
        ...(typeof a.tls_dir === 'string' ? { tlsDir: a.tls_dir } : {}),
      });
    }
  }
  return out;
}
