import { plannedAttributes } from '../../../../planner/plan/transforms/plannedAttributes.js';
import { desired, vm, world } from '../../../helpers/desired.js';
import { planContext, recorded, stateOf } from '../../../helpers/planContext.js';

const UNKNOWN = { $unknown: true };

describe('plannedAttributes', () => {
  test('GIVEN a new VM WHEN planned THEN the id is its name and computed values are unknown until apply', () => {
    const ctx = planContext({ desired: [...world(), ...vm('a')] }, plannedAttributes);
    const p = ctx.nodes.get('nssv_vm.a')!.planned!;
    expect(p.id).toBe('a');
    expect(p.uuid).toEqual(UNKNOWN);
    expect(p.host_id).toEqual(UNKNOWN);
    expect(p.nic).toEqual([{ port_group_id: 'web', mac: UNKNOWN, ip: null, security_group_ids: [] }]);
  });

  test('GIVEN a VM applied before WHEN planned THEN computed values it left unset keep their live values', () => {
    const live = {
      name: 'a',
      id: 'a',
      uuid: 'u-1',
      host_id: 'h2',
      nic: [{ port_group_id: 'web', mac: '52:54:00:00:00:01' }],
    };
    const ctx = planContext(
      { desired: [...world(), ...vm('a')], prior: stateOf([recorded('nssv_vm.a', live)]) },
      plannedAttributes,
    );
    const p = ctx.nodes.get('nssv_vm.a')!.planned!;
    expect([p.uuid, p.host_id]).toEqual(['u-1', 'h2']);
    expect(p.nic).toEqual([
      { port_group_id: 'web', mac: '52:54:00:00:00:01', ip: null, security_group_ids: [] },
    ]);
  });

  test('GIVEN a NIC that now points elsewhere WHEN planned THEN its MAC is unknown, not the old NIC one', () => {
    const live = { name: 'a', id: 'a', nic: [{ port_group_id: 'old', mac: '52:54:00:00:00:01' }] };
    const ctx = planContext(
      { desired: [...world(), ...vm('a')], prior: stateOf([recorded('nssv_vm.a', live)]) },
      plannedAttributes,
    );
    expect(ctx.nodes.get('nssv_vm.a')!.planned!.nic).toEqual([
      { port_group_id: 'web', mac: UNKNOWN, ip: null, security_group_ids: [] },
    ]);
  });

  test('GIVEN a node only in state WHEN planned THEN it has no planned attributes (it will be deleted)', () => {
    const ctx = planContext(
      { desired: [], prior: stateOf([recorded('nssv_datacenter.old', { name: 'old' })]) },
      plannedAttributes,
    );
    expect(ctx.nodes.get('nssv_datacenter.old')!.planned).toBeUndefined();
    expect(ctx.nodes.size).toBe(1);
  });

  test('GIVEN a datacenter WHEN planned THEN the configuration values are kept as given', () => {
    const ctx = planContext({ desired: [desired('nssv_datacenter.dc', { name: 'dc' })] }, plannedAttributes);
    expect(ctx.nodes.get('nssv_datacenter.dc')!.planned).toMatchObject({ name: 'dc', id: 'dc' });
  });
});
