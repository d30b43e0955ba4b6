/**
 * Every step of a 20-resource apply failed in turn, on real daemons: the agent of one host fails
 * its Nth mutating request (the test-only fault switch, NSSV_AGENT_TEST_FAULTS=1), the CLI rolls
 * back, and each time the hosts' inventories equal those before the apply; the next apply
 * converges. NSSV_FAULT_SWEEP=full fails every request; CI fails every 4th.
 */
import { jest } from '@jest/globals';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../../helpers/e2e.js';
import { nssv, type E2eSandbox } from '../support.js';
import {
  armFault,
  expectConverges,
  faultInfo,
  FULL_SWEEP,
  fullConfig,
  inventories,
  orphansAndDuplicates,
  report,
  startFaultSandbox,
  writeMain,
} from './support.js';

jest.setTimeout(1_800_000);

let env: E2eSandbox;

describeE2e('fault sweep: every step of an apply fails in turn', SANDBOX_WITH_AGENTS, () => {
  beforeAll(async () => {
    env = await startFaultSandbox('fsw');
  });
  afterAll(async () => {
    await env?.down();
  });

  test('GIVEN a 20-resource apply WHEN its Nth agent request fails, for each N THEN the hosts are as before, and the next apply converges', async () => {
    writeMain(env, fullConfig());
    const hosts = env.sandbox.hosts;
    const empty = await inventories(env);

    // Calibration: a clean apply, counting each host's mutating requests.
    const t0 = Date.now();
    for (const h of hosts) await armFault(h, null);
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.stdout).toContain('Plan: 20 to add, 0 to change, 0 to destroy.');
    await expectConverges(env);
    const perHost = await Promise.all(hosts.map(async (h) => (await faultInfo(h)).mutatingRequests));
    expect(perHost.every((n) => n >= 6)).toBe(true);
    expect(orphansAndDuplicates(env, await inventories(env))).toMatchObject({ orphans: [], duplicates: [] });
    expect((await nssv(['destroy', '-auto-approve'], env.configDir)).code).toBe(0);
    expect(await inventories(env)).toEqual(empty);
    report(`calibration (apply, plan, destroy): ${Date.now() - t0} ms`);

    const points = hosts.flatMap((h, i) => Array.from({ length: perHost[i]! }, (_, k) => ({ h, n: k + 1 })));
    const chosen = FULL_SWEEP ? points : points.filter((_, i) => i % 4 === 1);
    const failedRequests = new Set<string>();
    let compared = 0;
    for (const { h, n } of chosen) {
      const t0 = Date.now();
      await armFault(h, n);
      const apply = await nssv(['apply', '-auto-approve', '-parallelism=1'], env.configDir);
      const injected = (await faultInfo(h)).injected.at(-1)!;
      expect(injected.request).toBe(n);
      failedRequests.add(`${h.name} ${injected.method} ${injected.path}`);
      // A clear error naming the host and the request, and a complete rollback.
      expect(apply.code).toBe(1);
      expect(apply.stderr).toContain(
        `host ${h.name}: injected test fault: mutating request #${n} (${injected.method} ${injected.path}) failed before it changed anything`,
      );
      expect(apply.stderr).not.toContain('undo failed');
      expect(apply.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      expect(await inventories(env)).toEqual(empty);
      compared++;
      await armFault(h, null);
      await expectConverges(env);
      expect(orphansAndDuplicates(env, await inventories(env))).toMatchObject({
        orphans: [],
        duplicates: [],
      });
      compared++;
      expect((await nssv(['destroy', '-auto-approve'], env.configDir)).code).toBe(0);
      expect(await inventories(env)).toEqual(empty);
      compared++;
      report(
        `${h.name} request #${n} (${injected.method} ${injected.path}) failed, rolled back, converged: ${Date.now() - t0} ms`,
      );
    }
    report(
      `${FULL_SWEEP ? 'full' : 'reduced (NSSV_FAULT_SWEEP=full for all)'}: 20 resources, ${points.length} agent requests (${hosts.map((h, i) => `${h.name}: ${perHost[i]}`).join(', ')}); steps failed ${chosen.length} (${failedRequests.size} distinct requests), inventories compared ${compared}`,
    );
    expect(failedRequests.size).toBe(chosen.length);
  });
});
