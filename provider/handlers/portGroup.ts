import type { Attributes } from '../../core/values.js';
import { str } from './attrs.js';
import { perHostHandler } from './perHost.js';

const intOrNull = (a: Attributes, key: string): number | null => (typeof a[key] === 'number' ? a[key] : null);

/**
 * A port group: recorded on its switch's bridge on every host; VM ports take its VLAN tag (vlan
 * switches) or the local tag of its VNI, which the host's tunnels carry (vxlan switches).
 */
export const portGroupHandler = perHostHandler({
  type: 'nssv_port_group',
  put: (agent, address, a) =>
    agent.putPortGroup(str(a, 'switch_id'), str(a, 'name'), {
      address,
      vlanId: intOrNull(a, 'vlan_id'),
      ...(intOrNull(a, 'vni') === null ? {} : { vni: intOrNull(a, 'vni') }),
    }),
  remove: (agent, a) => agent.deletePortGroup(str(a, 'switch_id'), str(a, 'name')),
  find: (inv, a) => {
    const pg = inv.portGroups.find((p) => p.name === a.name && p.switch === a.switch_id);
    return pg ? { vlan_id: pg.vlanId, vni: pg.vni } : null;
  },
  describe: (a) => `port group "${String(a.name)}" of bridge "${String(a.switch_id)}"`,
  addressOn: (inv, a) => inv.portGroups.find((p) => p.name === a.name && p.switch === a.switch_id)?.address,
});
