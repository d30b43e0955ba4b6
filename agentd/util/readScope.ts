import { AsyncLocalStorage } from 'node:async_hooks';
import type { Exec, ExecResult } from './exec.js';
import { readOnlyRun } from './readOnlyRun.js';

/** The runs shared in one scope, by command line. */
type SharedRuns = Map<string, Promise<ExecResult>>;

const scopes = new AsyncLocalStorage<SharedRuns>();

/**
 * Runs `fn` in a read scope: within it (its own async calls, not other requests the agent serves
 * meanwhile), identical read-only tool runs (see readOnlyRun) share one run and its answer. An
 * inventory reads the same tables and domains from several places (networks, firewall, unmanaged
 * objects, PCI use); in its scope each is read once. A run that may write ends the sharing so far:
 * later reads in the scope run again.
 */
export function inReadScope<T>(fn: () => Promise<T>): Promise<T> {
  return scopes.run(new Map(), fn);
}

/** `exec` that shares identical read-only runs made in the same read scope (see inReadScope). */
export function scopedExec(exec: Exec): Exec {
  return (file, args, options) => {
    const shared = scopes.getStore();
    if (shared === undefined) return exec(file, args, options);
    if (options?.input !== undefined || !readOnlyRun(file, args)) {
      shared.clear();
      return exec(file, args, options);
    }
    const key = JSON.stringify([file, args]);
    let run = shared.get(key);
    if (run === undefined) {
      run = exec(file, args, options);
      shared.set(key, run);
    }
    return run;
  };
}
