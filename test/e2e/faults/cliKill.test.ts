/**
 * The CLI killed with SIGKILL at seeded points of an apply, on real daemons: after each kill, the
 * next apply converges and the hosts hold nothing the state does not know (0 orphans) and nothing
 * twice (0 duplicates). Kills alternate between an apply that creates the 20-resource
 * configuration and one that removes it. NSSV_FAULT_SWEEP=full kills at 24 points, CI at 10;
 * NSSV_FAULT_SEED picks other points (the seed is printed).
 */
import { join } from 'node:path';
import { execa } from 'execa';
import { jest } from '@jest/globals';
import { mulberry32 } from '../../fuzz/prng.js';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../../helpers/e2e.js';
import { repo, type E2eSandbox } from '../support.js';
import {
  expectConverges,
  FULL_SWEEP,
  fullConfig,
  inventories,
  orphansAndDuplicates,
  report,
  startFaultSandbox,
  writeMain,
} from './support.js';

jest.setTimeout(1_800_000);

const SEED = Number(process.env.NSSV_FAULT_SEED ?? 14);
const KILL_POINTS = FULL_SWEEP ? 24 : 10;
const PROGRESS = /: (Creating\.\.\.|Destroying\.\.\.|Creation complete|Destruction complete)/g;

let env: E2eSandbox;

/** Starts `nssv apply`, kills it with SIGKILL `delayMs` after its `line`th progress line; returns what it printed. */
async function applyKilledAt(line: number, delayMs: number): Promise<{ seen: number; stderr: string }> {
  const child = execa(process.execPath, [join(repo, 'bin/nssv.cjs'), 'apply', '-auto-approve'], {
    cwd: env.configDir,
    reject: false,
    env: { CI: 'true' },
    stdin: 'ignore',
  });
  let stderr = '';
  let seen = 0;
  await new Promise<void>((resolve) => {
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      seen = stderr.match(PROGRESS)?.length ?? 0;
      if (seen >= line) resolve();
    });
    void child.then(() => resolve());
  });
  await new Promise((r) => setTimeout(r, delayMs));
  child.kill('SIGKILL');
  const r = await child;
  return {
    seen,
    stderr: stderr + (r.signal === 'SIGKILL' ? '' : `\n(apply ended by itself: exit ${r.exitCode})`),
  };
}

describeE2e('fault sweep: the CLI killed with SIGKILL mid-apply', SANDBOX_WITH_AGENTS, () => {
  beforeAll(async () => {
    env = await startFaultSandbox('fkl');
  });
  afterAll(async () => {
    await env?.down();
  });

  test(`GIVEN an apply killed at ${KILL_POINTS} seeded points WHEN applied again THEN it converges with 0 orphans and 0 duplicates`, async () => {
    const rng = mulberry32(SEED);
    const empty = '# everything removed\n';
    let killedMidway = 0;
    let orphans = 0;
    let duplicates = 0;
    let objects = 0;
    for (let i = 0; i < KILL_POINTS; i++) {
      const creating = i % 2 === 0;
      writeMain(env, creating ? fullConfig() : empty);
      // 16 creates or 16 deletes (the sandbox's data center, cluster and hosts stay): 32 progress lines.
      const line = rng.between(1, 31);
      const delayMs = rng.between(0, 250);
      const killed = await applyKilledAt(line, delayMs);
      if (!killed.stderr.includes('apply ended by itself')) killedMidway++;
      await expectConverges(env);
      const found = orphansAndDuplicates(env, await inventories(env));
      orphans += found.orphans.length;
      duplicates += found.duplicates.length;
      objects += found.objects;
      expect(found).toMatchObject({ orphans: [], duplicates: [] });
      report(
        `kill ${i + 1}/${KILL_POINTS}: ${creating ? 'creating' : 'removing'}, after progress line ${line} + ${delayMs} ms (${killed.seen} lines seen); next apply converged, ${found.objects} objects on the hosts`,
      );
    }
    report(
      `seed ${SEED}: ${KILL_POINTS} kill points (${killedMidway} killed mid-apply), ${objects} host objects checked: orphans ${orphans}, duplicates ${duplicates}`,
    );
    expect(killedMidway).toBeGreaterThanOrEqual(Math.ceil(KILL_POINTS * 0.8));
  });
});
