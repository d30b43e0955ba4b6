import { trashActionFailed } from '../../../engine/usecases/trashErrors.js';
import { AgentError } from '../../../provider/agent/agentError.js';

describe('trashActionFailed', () => {
  it('GIVEN an agent that refuses a restore THEN an error naming the entry, the reason, and that nothing changed', () => {
    const e = new AgentError(
      'h1',
      'conflict',
      'host h1: cannot restore ceph.10c5: rbd pool "ceph" was deleted',
      409,
    );
    expect(trashActionFailed('restore', 'ceph.10c5', e)).toEqual({
      severity: 'error',
      code: 'NSSV_TRASH_RESTORE_FAILED',
      summary: 'restore ceph.10c5: host h1: cannot restore ceph.10c5: rbd pool "ceph" was deleted',
      detail: 'The entry is still in the trash, unchanged (nssv trash list).',
    });
  });

  it('GIVEN an agent that does not answer a purge THEN NSSV_AGENT_UNREACHABLE with what to check', () => {
    const e = new AgentError('h2', 'unreachable', 'host h2: connection refused');
    expect(trashActionFailed('purge', 'local.ab12', e)).toMatchObject({
      code: 'NSSV_AGENT_UNREACHABLE',
      summary: 'purge local.ab12: host h2: connection refused',
      detail: 'Check that agentd runs on host h2 (for the sandbox: nssv sandbox status), then try again.',
    });
  });
});
