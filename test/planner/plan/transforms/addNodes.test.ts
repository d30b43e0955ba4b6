import { desired } from '../../../helpers/desired.js';
import { planContext, recorded, stateOf } from '../../../helpers/planContext.js';

const prior = stateOf([
  recorded('nssv_datacenter.old', { name: 'old', id: 'old' }),
  recorded('nssv_datacenter.b', { name: 'b', id: 'b' }),
]);

describe('addNodes', () => {
  test('GIVEN configuration and state WHEN nodes are added THEN there is one per address, in address order', () => {
    const ctx = planContext({
      desired: [desired('nssv_datacenter.c', { name: 'c' }), desired('nssv_datacenter.b', { name: 'b' })],
      prior,
    });
    expect([...ctx.nodes.keys()]).toEqual(['nssv_datacenter.b', 'nssv_datacenter.c', 'nssv_datacenter.old']);
    const b = ctx.nodes.get('nssv_datacenter.b')!;
    expect([b.desired?.address, b.prior?.address]).toEqual(['nssv_datacenter.b', 'nssv_datacenter.b']);
    expect(ctx.nodes.get('nssv_datacenter.c')!.prior).toBeUndefined();
    expect(ctx.nodes.get('nssv_datacenter.old')!.desired).toBeUndefined();
  });

  test('GIVEN refreshed attributes WHEN nodes are added THEN live is the refresh, the state where none, null when gone', () => {
    const live = new Map([['nssv_datacenter.old', null]]);
    const ctx = planContext({ desired: [], prior, live });
    expect(ctx.nodes.get('nssv_datacenter.old')!.live).toBeNull();
    expect(ctx.nodes.get('nssv_datacenter.b')!.live).toMatchObject({ name: 'b', id: 'b' });
  });

  test('GIVEN destroy mode WHEN nodes are added THEN the configuration is ignored', () => {
    const ctx = planContext({
      mode: 'destroy',
      desired: [desired('nssv_datacenter.c', { name: 'c' })],
      prior,
    });
    expect([...ctx.nodes.keys()]).toEqual(['nssv_datacenter.b', 'nssv_datacenter.old']);
  });

  test('GIVEN a state in address order and a configuration of the same instances in another order WHEN nodes are added THEN address order', () => {
    const ctx = planContext({
      desired: [desired('nssv_datacenter.c', { name: 'c' }), desired('nssv_datacenter.a', { name: 'a' })],
      prior: stateOf([
        recorded('nssv_datacenter.a', { name: 'a', id: 'a' }),
        recorded('nssv_datacenter.c', { name: 'c', id: 'c' }),
      ]),
    });
    expect([...ctx.nodes.keys()]).toEqual(['nssv_datacenter.a', 'nssv_datacenter.c']);
    expect(ctx.nodes.get('nssv_datacenter.c')!.desired?.attributes).toEqual({ name: 'c' });
  });
});
