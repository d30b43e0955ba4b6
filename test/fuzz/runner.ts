/**
 * The fuzz loop: mutate a seed configuration, write it into a scratch directory, run it through
 * what `nssv validate` runs (loadAndValidate) and the diagnostic renderer, and check the result.
 * Mutation i draws from its own PRNG stream (seed, i), so any one of them can be replayed alone.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.js';
import { renderDiagnostics } from '../../planner/render/diagnostics.js';
import { loadAndValidate } from '../../engine/plan/loadAndValidate.js';
import { diagnosticProblems, renderProblems } from './checks.js';
import { AUX_DIR, AUX_FILES, seedConfigs, type SeedConfig } from './corpus.js';
import { jsonMutators } from './mutateJson.js';
import { textMutators } from './mutateText.js';
import { streamFor } from './prng.js';

export interface FuzzCase {
  index: number;
  seedName: string;
  fileName: string;
  ops: string[];
  text: string;
  /** Set when a mutator itself failed: reported as a failure so the fuzzer stays honest. */
  fuzzerBug?: string;
}

export interface FuzzFailure extends FuzzCase {
  problems: string[];
}

export interface FuzzReport {
  seed: number;
  runs: number;
  failures: FuzzFailure[];
  /** Mutations whose result had at least one error diagnostic. */
  withErrors: number;
  /** Mutations that still loaded and validated cleanly. */
  clean: number;
  codes: Map<string, number>;
  ops: Map<string, number>;
  maxMs: number;
  slowest?: FuzzCase;
  totalMs: number;
}

export interface FuzzOptions {
  seed: number;
  runs: number;
  /** First mutation index (to replay one: start = i, runs = 1). */
  start?: number;
  /** Mutations in flight at once; loading waits on file I/O, so a few overlap well. */
  concurrency?: number;
  /** A mutation taking longer than this fails (catastrophic backtracking, runaway expansion). */
  timeBoundMs?: number;
}

const textOps = Object.keys(textMutators);
const jsonOps = Object.keys(jsonMutators);

export function makeCase(seeds: readonly SeedConfig[], seed: number, index: number): FuzzCase {
  const rng = streamFor(seed, index);
  const base = rng.pick(seeds);
  const ops: string[] = [];
  let text = base.text;
  let fuzzerBug: string | undefined;
  const count = rng.between(1, 3);
  const applyText = (): void => {
    const op = rng.pick(textOps);
    ops.push(op);
    text = textMutators[op]!(text, rng);
  };
  try {
    if (base.fileName.endsWith('.json') && rng.chance(0.6)) {
      const root = JSON.parse(text) as Record<string, never>;
      for (let n = 0; n < count; n++) {
        const op = rng.pick(jsonOps);
        ops.push(`json.${op}`);
        jsonMutators[op]!(root, rng);
      }
      text = `${JSON.stringify(root, null, 2)}\n`;
      if (rng.chance(0.25)) applyText();
    } else {
      for (let n = 0; n < count; n++) applyText();
    }
  } catch (e) {
    fuzzerBug = `the mutator ${ops.at(-1)} threw (a bug in the fuzzer): ${(e as Error)?.stack ?? String(e)}`;
  }
  return {
    index,
    seedName: base.name,
    fileName: base.fileName,
    ops,
    text,
    ...(fuzzerBug ? { fuzzerBug } : {}),
  };
}

/** One scratch directory per syntax (so switching syntax never deletes a file), reused. */
class Workdir {
  readonly root = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'nssv-fuzz-'));
  private readonly dirs = new Map<string, string>();

  constructor() {
    for (const name of ['main.tf', 'main.tf.json']) {
      const dir = join(this.root, name.replace(/\./gu, '_'));
      mkdirSync(dir);
      for (const f of AUX_FILES) copyFileSync(join(AUX_DIR, f), join(dir, f));
      this.dirs.set(name, dir);
    }
  }

  /** Writes the case's file and returns the directory to load. */
  write(c: FuzzCase): string {
    const dir = this.dirs.get(c.fileName);
    if (!dir) throw new Error(`bug: no scratch directory for ${c.fileName}`);
    writeFileSync(join(dir, c.fileName), c.text);
    return dir;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

const SLOW = 'took';
const auxSources = new Map(AUX_FILES.map((f) => [f, readFileSync(join(AUX_DIR, f), 'utf8')]));

async function runCase(
  c: FuzzCase,
  work: Workdir,
  timeBoundMs: number,
): Promise<{ diags: Diagnostic[]; problems: string[]; ms: number }> {
  const dir = work.write(c);
  const problems: string[] = c.fuzzerBug ? [c.fuzzerBug] : [];
  let diags: Diagnostic[] = [];
  const t0 = performance.now();
  try {
    diags = (await loadAndValidate(dir, { env: {} })).diagnostics;
  } catch (e) {
    problems.push(`loadAndValidate threw: ${(e as Error)?.stack ?? String(e)}`);
  }
  const ms = performance.now() - t0;
  if (ms > timeBoundMs) problems.push(`${SLOW} ${ms.toFixed(0)} ms (bound ${timeBoundMs} ms)`);
  const sources = new Map(auxSources);
  sources.set(c.fileName, c.text);
  try {
    renderDiagnostics(diags, (file) => sources.get(file));
    for (const d of diags) problems.push(...diagnosticProblems(d, sources), ...renderProblems(d, c.text));
  } catch (e) {
    problems.push(`rendering threw: ${(e as Error)?.stack ?? String(e)}`);
  }
  return { diags, problems, ms };
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { seed, runs, start = 0, concurrency = 16, timeBoundMs = 10000 } = options;
  const seeds = seedConfigs();
  const report: FuzzReport = {
    seed,
    runs,
    failures: [],
    withErrors: 0,
    clean: 0,
    codes: new Map(),
    ops: new Map(),
    maxMs: 0,
    totalMs: 0,
  };
  const t0 = performance.now();
  let next = start;
  const end = start + runs;
  const worker = async (): Promise<void> => {
    const work = new Workdir();
    try {
      while (next < end) {
        const c = makeCase(seeds, seed, next++);
        const { diags, problems, ms } = await runCase(c, work, timeBoundMs);
        if (ms > report.maxMs) {
          report.maxMs = ms;
          report.slowest = c;
        }
        for (const op of c.ops) report.ops.set(op, (report.ops.get(op) ?? 0) + 1);
        const errors = diags.filter((d) => d.severity === 'error');
        if (errors.length > 0) report.withErrors++;
        if (diags.length === 0) report.clean++;
        for (const code of new Set(diags.map((d) => d.code)))
          report.codes.set(code, (report.codes.get(code) ?? 0) + 1);
        if (problems.length > 0) report.failures.push({ ...c, problems });
      }
    } finally {
      work.remove();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, () => worker()));
  await retimeSlowCases(report, timeBoundMs);
  report.failures.sort((a, b) => a.index - b.index);
  report.totalMs = performance.now() - t0;
  return report;
}

/**
 * Other work on the machine (and garbage collection with several cases in flight) can push a case
 * past the time bound; run each slow one again, alone, and keep the failure only if it is still slow.
 */
async function retimeSlowCases(report: FuzzReport, timeBoundMs: number): Promise<void> {
  const work = new Workdir();
  try {
    for (const f of report.failures) {
      if (!f.problems.some((p) => p.startsWith(SLOW))) continue;
      const again = await runCase(f, work, timeBoundMs);
      const stillSlow = again.problems.find((p) => p.startsWith(SLOW));
      f.problems = f.problems.filter((p) => !p.startsWith(SLOW));
      if (stillSlow) f.problems.push(`${stillSlow}, twice`);
    }
    report.failures = report.failures.filter((f) => f.problems.length > 0);
  } finally {
    work.remove();
  }
}

export function summarise(r: FuzzReport, top = 15): string {
  const codes = [...r.codes.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `fuzz: seed ${r.seed}, ${r.runs} mutations in ${(r.totalMs / 1000).toFixed(1)} s ` +
      `(slowest ${r.maxMs.toFixed(0)} ms: #${r.slowest?.index ?? '-'} ${r.slowest?.seedName ?? ''} ${r.slowest?.ops.join('+') ?? ''})`,
    `  with errors: ${r.withErrors}, still clean: ${r.clean}, failures: ${r.failures.length}`,
    `  top diagnostic codes (mutations reporting each):`,
    ...codes.map(([c, n]) => `    ${String(n).padStart(6)}  ${c}`),
  ].join('\n');
}

export function describeFailure(f: FuzzFailure, seed: number): string {
  return [
    `mutation #${f.index} of seed ${seed} (${f.seedName}, ${f.ops.join(' + ')}); replay with ` +
      `NSSV_FUZZ_SEED=${seed} NSSV_FUZZ_START=${f.index} NSSV_FUZZ_RUNS=1`,
    ...f.problems.map((p) => `  - ${p}`),
    `  --- ${f.fileName} ---`,
    f.text,
    `  --- end ---`,
  ].join('\n');
}
