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
 * later reads in the scope run again. A failed run (non-zero exit, or not started) is not kept:
 * the callers waiting on it share its failure, a later one (a retry) runs the tool again. Code that
 * looks again on purpose (to see whether something is still so a moment later) does so in
 * `freshReads`.
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
      const started = exec(file, args, options);
      const forget = (): void => {
        if (shared.get(key) === started) shared.delete(key);
      };
      started.then((r) => r.exitCode === 0 || forget(), forget);
      shared.set(key, started);
      run = started;
    }
    return run;
  };
}

/** Runs `fn` outside any read scope: its tool runs read the host again (see inReadScope). */
export function freshReads<T>(fn: () => T): T {
  return scopes.exit(fn);
}
