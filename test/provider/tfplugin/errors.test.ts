import { AgentError } from '../../../provider/agent/agentError.js';
import { tfErrors } from '../../../provider/tfplugin/errors.js';

describe('tfErrors.agent', () => {
  it("GIVEN an agent that does not answer THEN the code, and a detail naming the host and that HA failover is nssv's", () => {
    const d = tfErrors.agent(
      'nssv_vm "web"',
      new AgentError('h1', 'unreachable', 'agent of host h1 did not answer'),
    );
    expect([d.code, d.summary]).toEqual([
      'NSSV_AGENT_UNREACHABLE',
      'nssv_vm "web": agent of host h1 did not answer',
    ]);
    expect(d.detail).toBe(
      'Check that agentd runs on host h1 and that its endpoint in provider "nssv" { hosts } is right (for the sandbox: nssv sandbox status). Terraform refreshes every resource through its host\'s agent, so it cannot plan past a host that failed; restarting HA VMs (ha_enabled) of a failed host elsewhere is nssv plan/apply\'s (move the directory with terraform state pull and nssv state import-terraform).',
    );
  });
});
