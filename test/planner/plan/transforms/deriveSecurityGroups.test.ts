import { makePlan } from '../../../../planner/plan/makePlan.js';
import { emptyState } from '../../../../planner/state/types.js';
import type { DesiredInstance } from '../../../../planner/config/types.js';
import { desired, facts, vm, world } from '../../../helpers/desired.js';

const withCidr = (): DesiredInstance[] =>
  world().map((d) =>
    d.address === 'nssv_port_group.web'
      ? desired('nssv_port_group.web', { name: 'web', switch_id: 'sw', cidr: '10.2.0.0/24' }, d.dependsOn)
      : d,
  );
const groups = (): DesiredInstance[] => [
  desired('nssv_security_group.app', {
    name: 'app',
    datacenter_id: 'dc',
    rule: [{ direction: 'ingress', protocol: 'tcp', port_from: 22, peer_security_group_id: 'admin' }],
  }),
  desired('nssv_security_group.admin', { name: 'admin', datacenter_id: 'dc' }),
];
const member = (name: string, group: string) =>
  vm(name, 512, { nic: [{ port_group_id: 'web', security_group_ids: [group] }] });

describe('deriveSecurityGroups', () => {
  test('GIVEN a rule naming a peer group THEN peer_addresses lists the planned addresses of its NICs, and the group is on every host of the data center', () => {
    const plan = makePlan({
      mode: 'normal',
      desired: [
        ...withCidr(),
        ...groups(),
        ...member('b', 'admin'),
        ...member('a', 'admin'),
        ...member('c', 'app'),
      ],
      prior: emptyState('L'),
      live: new Map(),
      hostFacts: facts,
    });
    expect(plan.diagnostics).toEqual([]);
    const app = plan.changes.find((c) => c.address === 'nssv_security_group.app')!.after!;
    expect(app.peer_addresses).toEqual({ admin: ['10.2.0.1', '10.2.0.2'] });
    expect(app.host_ids).toEqual(['h1', 'h2']);
    expect(
      plan.changes.find((c) => c.address === 'nssv_security_group.admin')!.after!.peer_addresses,
    ).toEqual({});
  });

  test('GIVEN a peer group without members THEN it resolves to no address (the rule matches nothing)', () => {
    const plan = makePlan({
      mode: 'normal',
      desired: [...withCidr(), ...groups()],
      prior: emptyState('L'),
      live: new Map(),
      hostFacts: facts,
    });
    expect(plan.changes.find((c) => c.address === 'nssv_security_group.app')!.after!.peer_addresses).toEqual({
      admin: [],
    });
  });
});
