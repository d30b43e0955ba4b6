import type { DesiredInstance } from '../planner/config/types.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { AgentError } from './agent/agentError.js';

export const providerErrors = {
  hostMismatch: (d: DesiredInstance, endpoint: string, actual: string): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_HOST_MISMATCH',
    address: d.address,
    attribute: 'name',
    summary: `${d.address}: name = "${String(d.attributes.name)}", but the agent at ${endpoint} says it is host "${actual}"`,
    detail: `Each nssv_host must point at its own agent. Fix: set name = "${actual}", or fix endpoint to the agent of host "${String(d.attributes.name)}".`,
    range: d.attributeRanges.name ?? d.range,
  }),
  hostLost: (address: string, e: AgentError, ha: string[], others: string[]): Diagnostic => ({
    severity: 'warning',
    code: 'NSSV_HOST_LOST',
    address,
    summary: `${e.message}; its cluster has HA VMs, so nssv treats host ${e.host} as failed`,
    detail: [
      ha.length === 0
        ? 'No HA VM is recorded on it.'
        : `HA VMs on it are restarted on other hosts of its cluster by the next apply (their old copies are fenced off their rbd disks first): ${ha.join(', ')}.`,
      others.length === 0
        ? ''
        : `Left as recorded until the host answers again (not HA, or not movable): ${others.join(', ')}.`,
      'When it answers again, the next apply destroys any copy it still has of a VM that runs elsewhere.',
    ]
      .filter(Boolean)
      .join(' '),
  }),
  recovered: (addresses: string[]): Diagnostic => ({
    severity: 'warning',
    code: 'NSSV_RECOVERED_INTERRUPTED_APPLY',
    summary: `an earlier apply was interrupted after creating ${addresses.join(', ')}; they were found on their hosts and are taken into the state`,
    detail:
      'The plan below treats them as existing. The next apply records them (and removes any the configuration no longer wants).',
  }),
  refreshFailed: (address: string, e: AgentError): Diagnostic => ({
    severity: 'error',
    code: e.code === 'unreachable' ? 'NSSV_AGENT_UNREACHABLE' : 'NSSV_REFRESH_FAILED',
    address,
    summary: e.message,
    detail:
      e.code === 'unreachable'
        ? `Check that agentd runs on host ${e.host} and that the nssv_host endpoint is right (for the sandbox: nssv sandbox status). If the host is gone for good, forget what ran on it with: nssv state rm ADDRESS… (see nssv state list).`
        : e.code === 'unauthorized'
          ? `The agent refused the token of nssv_host "${e.host}". Fix: set token to the agent's token.`
          : e.code === 'bad_response'
            ? `Fix: point endpoint of nssv_host "${e.host}" at agentd's listen address (the "listen" of its configuration file).`
            : `The agent of host ${e.host} could not report ${address}.`,
  }),
};
