import { AgentError } from '../../../../provider/agent/agentError.js';
import { readResource } from '../../../../provider/tfplugin/resources/read.js';
import { fakeSession } from '../fakeSession.js';

/** A session whose h1 agent does not answer. */
function h1Down() {
  const s = fakeSession({ h1: {}, h2: {} });
  const inventory = s.ctx.inventory.bind(s.ctx);
  s.ctx.inventory = async (h: string) => {
    if (h === 'h1') throw new AgentError('h1', 'unreachable', 'agent of host h1 did not answer');
    return inventory(h);
  };
  return s;
}

const vm = (ha: boolean) => ({ name: 'web', cluster_id: 'c', host_id: 'h1', ha_enabled: ha });

describe('readResource', () => {
  it("GIVEN an HA VM whose host does not answer WHEN refreshed THEN the error says failover is nssv's, and the state is kept", async () => {
    const r = await readResource(h1Down(), 'nssv_vm', vm(true));
    expect(r.state).toEqual(vm(true));
    expect(r.diagnostics.map((d) => `${d.code} ${d.attribute}: ${d.summary}`)).toEqual([
      'NSSV_TF_HA_HOST_LOST host_id: nssv_vm "web": its host "h1" does not answer; the VM has ha_enabled, but the Terraform provider cannot restart it on another host',
    ]);
  });

  it('GIVEN a VM without HA on a host that does not answer WHEN refreshed THEN the plain agent error', async () => {
    const r = await readResource(h1Down(), 'nssv_vm', vm(false));
    expect(r.diagnostics.map((d) => `${d.code}: ${d.summary}`)).toEqual([
      'NSSV_AGENT_UNREACHABLE: nssv_vm "web": agent of host h1 did not answer',
    ]);
  });
});
