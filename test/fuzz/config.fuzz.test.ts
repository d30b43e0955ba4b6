/**
 * Seeded fuzz test: ≥ 10,000 random mutations of valid configurations (the equivalence fixtures
 * in HCL and JSON, the cdktf fixture and the quick start), each run through what `nssv validate`
 * runs and through the diagnostic renderer. Nothing may throw, every diagnostic must carry a
 * stable code, a summary and a location, no message may show a stack trace or a leaked
 * JavaScript value, and each mutation must finish within the time bound.
 *
 *   npm run jest -- test/fuzz                                  # seed 20261121, 10,000 mutations
 *   NSSV_FUZZ_SEED=7 NSSV_FUZZ_RUNS=50000 npm run jest -- test/fuzz
 *   NSSV_FUZZ_SEED=7 NSSV_FUZZ_START=123 NSSV_FUZZ_RUNS=1 npm run jest -- test/fuzz   # replay one
 */
import { describeFailure, runFuzz, summarise, type FuzzReport } from './runner.js';

const seed = Number(process.env.NSSV_FUZZ_SEED ?? 20261121);
const runs = Number(process.env.NSSV_FUZZ_RUNS ?? 10000);
const start = Number(process.env.NSSV_FUZZ_START ?? 0);
const timeBoundMs = Number(process.env.NSSV_FUZZ_TIME_BOUND_MS ?? 10000);

describe('configuration fuzzing', () => {
  let report: FuzzReport;

  beforeAll(async () => {
    report = await runFuzz({ seed, runs, start, timeBoundMs });
    console.log(summarise(report));
  }, 600_000);

  it(`GIVEN ${runs} seeded mutations (seed ${seed}) WHEN validated and rendered THEN nothing crashes and every diagnostic is well-formed`, () => {
    const shown = report.failures.slice(0, 5).map((f) => describeFailure(f, seed));
    const more = report.failures.length > 5 ? [`… and ${report.failures.length - 5} more failures`] : [];
    expect([...shown, ...more]).toEqual([]);
  });

  it('GIVEN the mutations THEN most of them produce errors (the mutator is not a no-op)', () => {
    expect(report.withErrors).toBeGreaterThan(runs * 0.8);
  });
});
