import type { Diagnostic } from '../../core/diagnostic.js';
import type { MovedDecl, RemovedDecl } from '../config/refactor-decls.js';
import type { State, StateResource } from './types.js';

export interface Move {
  from: string;
  to: string;
}

export interface Refactored {
  state: State;
  /** Each instance that moved, old → new address, in order. */
  moved: Move[];
  /** Instances dropped from the state by removed { lifecycle { destroy = false } }. */
  forgotten: Array<{ address: string; type: string; attributeCount: number }>;
  diagnostics: Diagnostic[];
}

/** Whether `address` is `prefix` or lies under it (its instances, or resources of a module). */
export function under(address: string, prefix: string): boolean {
  return address === prefix || address.startsWith(prefix + '[') || address.startsWith(prefix + '.');
}

function rename(address: string, from: string, to: string): string {
  return under(address, from) ? to + address.slice(from.length) : address;
}

function renamed(r: StateResource, from: string, to: string): StateResource {
  return {
    ...r,
    address: rename(r.address, from, to),
    dependencies: r.dependencies.map((d) => rename(d, from, to)),
  };
}

/**
 * moved and removed blocks applied to the prior state before planning, as Terraform does: a
 * moved object keeps everything but its address (nothing on its host changes), a removed one
 * with destroy = false is dropped from the state (and so is neither planned nor destroyed).
 * Moves run in declaration order, so chains (a → b, b → c) work. Pure.
 */
export function refactorState(
  state: State,
  moves: readonly MovedDecl[],
  removals: readonly RemovedDecl[],
  declared: ReadonlySet<string>,
): Refactored {
  const diagnostics: Diagnostic[] = [];
  let resources = state.resources;
  const moved: Move[] = [];
  for (const m of moves) {
    const hits = resources.filter((r) => under(r.address, m.from));
    if (hits.length === 0) continue; // already moved, or never created: moved blocks stay as history
    const clash = hits
      .map((r) => rename(r.address, m.from, m.to))
      .filter((a) => resources.some((r) => r.address === a));
    if (clash.length > 0) {
      diagnostics.push({
        severity: 'warning',
        code: 'NSSV_MOVED_TARGET_EXISTS',
        summary: `cannot move ${m.from} to ${m.to}: the state already has ${clash.join(', ')}`,
        detail:
          'The moved block is ignored for now; both objects stay where they are. Fix: remove one of them (nssv state rm ADDRESS) and plan again.',
        range: m.range,
      });
      continue;
    }
    for (const r of hits) moved.push({ from: r.address, to: rename(r.address, m.from, m.to) });
    resources = resources.map((r) => renamed(r, m.from, m.to));
  }
  const forgotten: Refactored['forgotten'] = [];
  for (const r of removals) {
    const still = [...declared].find((a) => under(a, r.from));
    if (still) {
      diagnostics.push({
        severity: 'error',
        code: 'NSSV_REMOVED_STILL_DECLARED',
        summary: `removed block for ${r.from}, but the configuration still declares ${still}`,
        detail: `A removed block says the resource is gone from the configuration. Fix: delete the resource block of ${r.from}, or the removed block.`,
        range: r.range,
      });
      continue;
    }
    if (r.destroy) continue; // the objects are destroyed as for any resource no longer declared
    for (const x of resources.filter((x) => under(x.address, r.from)))
      forgotten.push({ address: x.address, type: x.type, attributeCount: Object.keys(x.attributes).length });
    resources = resources.filter((x) => !under(x.address, r.from));
  }
  return { state: { ...state, resources }, moved, forgotten, diagnostics };
}

/** The same rewrite, replayed from a saved plan's recorded moves and forgets. */
export function replayRefactoring(
  state: State,
  moved: readonly Move[],
  forgotten: ReadonlyArray<{ address: string }>,
): State {
  let resources = state.resources;
  for (const m of moved)
    resources = resources.map((r) =>
      r.address === m.from
        ? renamed(r, m.from, m.to)
        : { ...r, dependencies: r.dependencies.map((d) => (d === m.from ? m.to : d)) },
    );
  const gone = new Set(forgotten.map((f) => f.address));
  return { ...state, resources: resources.filter((r) => !gone.has(r.address)) };
}
