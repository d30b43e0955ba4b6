import { domainInfo } from '../../../helpers/inventory.js';
import { maintenanceWithoutDrain } from '../../../../provider/tfplugin/resources/hostMaintenance.js';
import { planResource } from '../../../../provider/tfplugin/resources/plan.js';
import { fakeSession } from '../fakeSession.js';

const host = (maintenance: boolean) => ({
  name: 'h2',
  cluster_id: 'c',
  endpoint: 'http://h2:7400',
  token: 'token-of-h2-0123456789',
  maintenance,
});

describe('maintenanceWithoutDrain (Terraform does not drain a host)', () => {
  const session = () =>
    fakeSession({
      h1: {},
      h2: { domains: [domainInfo('web2'), domainInfo('web1')] },
    });

  it('GIVEN VMs on h2 WHEN terraform plans h2 into maintenance THEN a warning names the VMs that stay and how to move them', async () => {
    const p = await planResource(session(), 'nssv_host', host(false), host(true), false);
    expect(p.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'NSSV_TF_MAINTENANCE_NO_DRAIN',
        address: 'nssv_host "h2"',
        attribute: 'maintenance',
        summary:
          'nssv_host "h2" goes into maintenance, but Terraform does not move the VMs on it: web1, web2 stay on h2',
        detail:
          "Terraform plans each resource on its own, so the provider cannot move a host's VMs when the host changes (nssv apply drains it in the same apply). To move them: set host_id on each to another host of its cluster (a live migration), or apply this configuration with nssv apply.",
      },
    ]);
  });

  it('GIVEN h2 already in maintenance, or going out of it WHEN planned THEN no warning', async () => {
    expect(await maintenanceWithoutDrain(session(), host(true), host(true))).toEqual([]);
    expect(await maintenanceWithoutDrain(session(), host(true), host(false))).toEqual([]);
  });

  it('GIVEN no VM on h2 WHEN it goes into maintenance THEN no warning', async () => {
    const s = fakeSession({ h1: { domains: [domainInfo('web1')] }, h2: {} });
    expect(await maintenanceWithoutDrain(s, host(false), host(true))).toEqual([]);
  });
});
