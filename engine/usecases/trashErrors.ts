import type { Diagnostic } from '../../core/diagnostic.js';
import type { AgentError } from '../../provider/agent/agentError.js';

/** What an agent answered when asked to restore or purge a trash entry, as a diagnostic (not a crash). */
export function trashActionFailed(action: 'restore' | 'purge', id: string, e: AgentError): Diagnostic {
  return {
    severity: 'error',
    code: e.code === 'unreachable' ? 'NSSV_AGENT_UNREACHABLE' : `NSSV_TRASH_${action.toUpperCase()}_FAILED`,
    summary: `${action} ${id}: ${e.message}`,
    detail:
      e.code === 'unreachable'
        ? `Check that agentd runs on host ${e.host} (for the sandbox: nssv sandbox status), then try again.`
        : `The entry is still in the trash, unchanged (nssv trash list).`,
  };
}
