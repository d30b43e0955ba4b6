import { AgentError } from '../../../provider/agent/agentError.js';
import { hostHandler } from '../../../provider/handlers/host.js';
import { fakeHosts, type FakeHosts } from './fakeHosts.js';

let hosts: FakeHosts;
beforeEach(async () => (hosts = await fakeHosts()));
afterEach(() => hosts.close());

const planned = () => ({ name: 'h1', cluster_id: 'c', endpoint: hosts.h1.url, token: 'x', labels: {} });

describe('hostHandler', () => {
  it('GIVEN an agent answering as the host WHEN created THEN its facts are recorded and nothing is changed on it', async () => {
    expect(await hostHandler.create(hosts.ctx(), 'nssv_host.h1', planned())).toEqual({
      ...planned(),
      cpus: 4,
      memory_mib: 8192,
      domain_type: 'qemu',
    });
    expect(hosts.h1.calls()).toEqual([]);
  });

  it('GIVEN an agent that says it is another host WHEN read THEN a conflict naming both names and the fix', async () => {
    hosts.h1.inventory.host.name = 'h3';
    const err = await hostHandler.read(hosts.ctx(), 'nssv_host.h1', planned()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AgentError);
    expect(err).toMatchObject({
      code: 'conflict',
      message: `the agent at ${hosts.h1.url} says it is host "h3", not "h1"; fix the endpoint of nssv_host "h1" or the agent's hostName`,
    });
  });

  it('GIVEN a host WHEN deleted THEN the agent is not called', async () => {
    await hostHandler.delete(hosts.ctx(), 'nssv_host.h1', planned());
    expect(hosts.h1.requests).toEqual([]);
  });
});
