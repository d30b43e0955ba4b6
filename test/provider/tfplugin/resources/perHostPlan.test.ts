/**
 * Per-host resources through the provider: PlanResourceChange resolves host_ids (and a security
 * group's peer_addresses) so that ApplyResourceChange has nothing unknown to iterate. A security
 * group used to reach apply with host_ids unknown and fail with
 * "TypeError: e is not a function or its return value is not iterable".
 */
import { isUnknown, unknownValue, type Attributes } from '../../../../core/values.js';
import type { HandlerContext } from '../../../../provider/handlers/types.js';
import { applyResource } from '../../../../provider/tfplugin/resources/apply.js';
import { planResource } from '../../../../provider/tfplugin/resources/plan.js';
import { fakeSession } from '../fakeSession.js';

/** A session over h1, h2 (cluster "c") whose agents record the security groups put on them. */
function recordingSession(invs: Parameters<typeof fakeSession>[0] = { h1: {}, h2: {} }) {
  const s = fakeSession(invs);
  const calls: string[] = [];
  const inventory = s.ctx.inventory.bind(s.ctx);
  s.ctx = {
    inventory,
    invalidate: () => {},
    agent: (h: string) => ({
      putSecurityGroup: async (name: string, body: { rules: unknown[] }) =>
        void calls.push(`${h} PUT ${name} ${JSON.stringify(body.rules)}`),
    }),
  } as unknown as HandlerContext;
  return { s, calls };
}

const noUnknowns = (a: Attributes) => !JSON.stringify(a).includes('$unknown');

describe('PlanResourceChange of per-host resources', () => {
  it("GIVEN a security group of the cluster's data center WHEN planned and applied THEN it is put on both hosts and its state has no unknowns", async () => {
    const { s, calls } = recordingSession();
    await planResource(s, 'nssv_cluster', null, { name: 'c', datacenter_id: 'dc' }, false);
    const p = await planResource(
      s,
      'nssv_security_group',
      null,
      {
        name: 'web',
        datacenter_id: 'dc',
        rule: [{ direction: 'ingress', protocol: 'tcp', port_from: 22, cidr: '10.0.0.0/8' }],
      },
      false,
    );
    expect(p.diagnostics).toEqual([]);
    expect(p.planned).toMatchObject({ id: 'web', host_ids: ['h1', 'h2'], peer_addresses: {} });
    const applied = await applyResource(s, 'nssv_security_group', null, p.planned);
    expect(applied.diagnostics).toEqual([]);
    expect(noUnknowns(applied.state!)).toBe(true);
    const rules =
      '[{"direction":"ingress","protocol":"tcp","portFrom":22,"portTo":null,"remote":["10.0.0.0/8"],"action":"allow","priority":100}]';
    expect(calls).toEqual([`h1 PUT web ${rules}`, `h2 PUT web ${rules}`]);
  });

  it("GIVEN the hosts' cluster planned in another data center THEN the group is on none of them; unplanned, on all", async () => {
    const s = fakeSession({ h1: {}, h2: {} });
    await planResource(s, 'nssv_cluster', null, { name: 'c', datacenter_id: 'dc' }, false);
    const p = await planResource(
      s,
      'nssv_security_group',
      null,
      { name: 'web', datacenter_id: 'other' },
      false,
    );
    expect(p.planned.host_ids).toEqual([]);
    const applyWalk = fakeSession({ h1: {}, h2: {} });
    const q = await planResource(
      applyWalk,
      'nssv_security_group',
      null,
      { name: 'web', datacenter_id: 'dc' },
      false,
    );
    expect(q.planned.host_ids).toEqual(['h1', 'h2']);
  });

  it('GIVEN an existing group whose cluster this process did not plan (the apply walk) THEN every provider host, as the plan walk computed', async () => {
    const prior = {
      id: 'web',
      name: 'web',
      datacenter_id: 'dc',
      rule: [],
      description: '',
      host_ids: ['h2'],
      peer_addresses: {},
    };
    const planWalk = fakeSession({ h1: {}, h2: {} });
    await planResource(planWalk, 'nssv_cluster', null, { name: 'c', datacenter_id: 'dc' }, false);
    const config = { name: 'web', datacenter_id: 'dc', description: 'x' };
    const planned = await planResource(planWalk, 'nssv_security_group', prior, config, false);
    const applyWalk = await planResource(
      fakeSession({ h1: {}, h2: {} }),
      'nssv_security_group',
      prior,
      config,
      false,
    );
    expect(planned.planned.host_ids).toEqual(['h1', 'h2']);
    expect(applyWalk.planned).toEqual(planned.planned);
    expect(applyWalk.requiresReplace).toEqual([]);
  });

  it('GIVEN a rule with a peer group THEN the plan refuses it, naming the rule and the fix', async () => {
    const s = fakeSession({ h1: {} });
    const p = await planResource(
      s,
      'nssv_security_group',
      null,
      {
        name: 'db',
        datacenter_id: 'dc',
        rule: [
          { direction: 'ingress', cidr: '10.0.0.0/8' },
          { direction: 'ingress', peer_security_group_id: 'web' },
        ],
      },
      false,
    );
    expect(p.diagnostics.map((d) => `${d.code} ${d.attribute}: ${d.summary}`)).toEqual([
      'NSSV_TF_PEER_GROUP_NOT_SUPPORTED rule[1].peer_security_group_id: nssv_security_group "db": rule[1] matches a peer security group, which the Terraform provider cannot resolve',
    ]);
  });

  it('GIVEN an image storage and an image THEN both are on the hosts of the cluster; an image of an existing storage goes where the agents have it', async () => {
    const s = fakeSession({ h1: {}, h2: {} });
    const st = await planResource(
      s,
      'nssv_image_storage',
      null,
      { name: 'imgs', datacenter_id: 'dc', cluster_id: 'c' },
      false,
    );
    expect(st.planned.host_ids).toEqual(['h1', 'h2']);
    const img = { name: 'deb', image_storage_id: 'imgs', source: '/srv/deb.qcow2', format: 'qcow2' };
    expect((await planResource(s, 'nssv_image', null, img, false)).planned.host_ids).toEqual(['h1', 'h2']);
    const later = fakeSession({
      h1: {},
      h2: { imageStores: [{ name: 'imgs', address: 'nssv_image_storage.imgs' } as never] },
    });
    expect((await planResource(later, 'nssv_image', null, img, false)).planned.host_ids).toEqual(['h2']);
  });

  it('GIVEN host_ids still unknown at apply THEN the handler says it is a planning bug, not a TypeError', async () => {
    const { s } = recordingSession();
    const planned = {
      id: 'web',
      name: 'web',
      datacenter_id: 'dc',
      rule: [],
      description: '',
      host_ids: unknownValue,
      peer_addresses: {},
    };
    expect(isUnknown(planned.host_ids)).toBe(true);
    await expect(applyResource(s, 'nssv_security_group', null, planned)).rejects.toThrow(
      'bug: host_ids should be resolved at plan time',
    );
  });
});
