import type { Attributes } from '../../core/values.js';
import { typed } from './attrs.js';
import { perHostHandler } from './perHost.js';

const pg = (a: Attributes) => typed('nssv_port_group', a);

/** A port group: recorded on its switch's bridge on every host; VM ports take its VLAN tag. */
export const portGroupHandler = perHostHandler({
  type: 'nssv_port_group',
  put: (agent, address, a) =>
    agent.putPortGroup(pg(a).switch_id, pg(a).name, { address, vlanId: pg(a).vlan_id }),
  remove: (agent, a) => agent.deletePortGroup(pg(a).switch_id, pg(a).name),
  find: (inv, a) => {
    const found = inv.portGroups.find((p) => p.name === pg(a).name && p.switch === pg(a).switch_id);
    return found ? { vlan_id: found.vlanId } : null;
  },
  describe: (a) => `port group "${pg(a).name}" of bridge "${pg(a).switch_id}"`,
  addressOn: (inv, a) =>
    inv.portGroups.find((p) => p.name === pg(a).name && p.switch === pg(a).switch_id)?.address,
});
