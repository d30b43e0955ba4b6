import { findStaleCopies, removeStaleCopies } from '../../../engine/plan/staleCopies.js';
import type { StaleCopy } from '../../../planner/plan/types.js';
import { renderPlanText } from '../../../planner/render/planText.js';
import type { State } from '../../../planner/state/types.js';
import { AgentError } from '../../../provider/agent/agentError.js';
import type { AgentClient } from '../../../provider/agent/client.js';
import type { HandlerContext } from '../../../provider/handlers/types.js';
import type { Inventory } from '../../../schemas/generated/agentApi.js';

const state: State = {
  version: 1,
  serial: 4,
  lineage: 'L',
  resources: [
    {
      address: 'nssv_vm.ha',
      type: 'nssv_vm',
      attributes: { name: 'ha', host_id: 'h1', uuid: 'u-ha' },
      dependencies: [],
      sensitivePaths: [],
    },
  ],
};

/** Hosts' inventories (domains only) faked at the handler context; deletes recorded. */
function context(domains: Record<string, Array<{ name: string; uuid: string }> | 'down'>) {
  const deleted: string[] = [];
  const ctx = {
    inventory: async (host: string) => {
      const d = domains[host];
      if (d === 'down') throw new AgentError(host, 'unreachable', `cannot reach the agent of host ${host}`);
      return { domains: d ?? [] } as unknown as Inventory;
    },
    agent: (host: string) =>
      ({
        deleteDomain: async (name: string) => {
          deleted.push(`${host}/${name}`);
          return { deleted: true };
        },
      }) as unknown as AgentClient,
    invalidate: () => undefined,
  } satisfies HandlerContext;
  return { ctx, deleted };
}

describe('stale copies (HA, issue 11)', () => {
  test('GIVEN h2 still has the domain of a VM the state puts on h1 (same name and UUID) THEN it is a stale copy; same name with another UUID is not', async () => {
    const { ctx } = context({
      h1: [{ name: 'ha', uuid: 'u-ha' }],
      h2: [{ name: 'ha', uuid: 'u-ha' }],
      h3: [{ name: 'ha', uuid: 'u-other' }],
    });
    expect(await findStaleCopies(ctx, state, ['h3', 'h2', 'h1'])).toEqual([
      { address: 'nssv_vm.ha', host: 'h2', domain: 'ha', runsOn: 'h1' },
    ]);
  });

  test('GIVEN a host that stops answering meanwhile THEN it is skipped (the next plan looks again)', async () => {
    const { ctx } = context({ h1: [{ name: 'ha', uuid: 'u-ha' }], h2: 'down' });
    expect(await findStaleCopies(ctx, state, ['h1', 'h2'])).toEqual([]);
  });

  test('GIVEN a stale copy WHEN removed THEN its domain is deleted on that host; the plan text says so', async () => {
    const copy: StaleCopy = { address: 'nssv_vm.ha', host: 'h2', domain: 'ha', runsOn: 'h1' };
    const { ctx, deleted } = context({});
    await removeStaleCopies(ctx, [copy]);
    expect(deleted).toEqual(['h2/ha']);
    const text = renderPlanText({
      formatVersion: 1,
      mode: 'normal',
      changes: [],
      dependencies: {},
      steps: [],
      barriers: {},
      prior: { lineage: 'L', serial: 4 },
      diagnostics: [],
      staleCopies: [copy],
    });
    expect(text).toBe(
      [
        'nssv will perform the following actions:',
        '',
        '  # nssv_vm.ha: its stale copy on h2 (domain "ha") will be destroyed',
        '  # (the VM runs on h1; h2 kept a copy from before an HA restart)',
        '',
        'Plan: 0 to add, 0 to change, 0 to destroy, 1 stale copy to remove.',
        '',
      ].join('\n'),
    );
  });
});
