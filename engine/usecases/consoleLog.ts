import type { Diagnostic } from '../../core/diagnostic.js';
import type { State } from '../../planner/state/types.js';
import { AgentClient } from '../../provider/agent/client.js';
import { AgentError } from '../../provider/agent/agentError.js';
import { hostEndpoints } from '../../provider/refresh.js';

export type ConsoleLogResult =
  | { ok: true; address: string; host: string; path: string; text: string; truncated: boolean }
  | { ok: false; diagnostic: Diagnostic };

/**
 * The serial console log of a VM the state records, read from its host's agent. `target` is a
 * resource address (`nssv_vm.web[0]`) or a VM name (`web-0`).
 */
export async function consoleLog(state: State, target: string): Promise<ConsoleLogResult> {
  const vms = state.resources.filter((r) => r.type === 'nssv_vm');
  const vm = vms.find(
    (r) => r.address === target || r.address === `nssv_vm.${target}` || r.attributes.name === target,
  );
  if (!vm) {
    const known = vms.map((r) => `${r.address} (${String(r.attributes.name)})`).sort();
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'NSSV_VM_NOT_FOUND',
        summary: `no VM ${JSON.stringify(target)} in the state`,
        detail: known.length
          ? `VMs the state records: ${known.join(', ')}. Fix: give one of these addresses or names.`
          : 'The state records no VMs: apply a configuration with an nssv_vm first.',
      },
    };
  }
  const host = String(vm.attributes.host_id);
  const endpoint = hostEndpoints([], state).get(host);
  if (!endpoint) {
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'NSSV_HOST_NOT_FOUND',
        address: vm.address,
        summary: `${vm.address} runs on host ${JSON.stringify(host)}, which the state has no endpoint for`,
        detail: 'Fix: run nssv apply so the state records the host (nssv_host) again.',
      },
    };
  }
  try {
    const log = await new AgentClient(endpoint).consoleLog(String(vm.attributes.name));
    return { ok: true, address: vm.address, host, path: log.path, text: log.text, truncated: log.truncated };
  } catch (e) {
    if (!(e instanceof AgentError)) throw e;
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: e.code === 'not_found' ? 'NSSV_CONSOLE_LOG_NOT_FOUND' : 'NSSV_AGENT_ERROR',
        address: vm.address,
        summary: `${vm.address}: ${e.message}`,
      },
    };
  }
}
