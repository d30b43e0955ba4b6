import type { Attributes } from '../../core/values.js';
import { typed } from './attrs.js';
import { perHostHandler } from './perHost.js';

const sw = (a: Attributes) => typed('nssv_distributed_switch', a);

/** A distributed switch: an OVS bridge of the same name on every host of its clusters. */
export const distributedSwitchHandler = perHostHandler({
  type: 'nssv_distributed_switch',
  put: (agent, address, a) => agent.putSwitch(sw(a).name, { address, mtu: sw(a).mtu }),
  remove: (agent, a) => agent.deleteSwitch(sw(a).name),
  find: (inv, a) => {
    const found = inv.switches.find((s) => s.name === sw(a).name);
    return found ? { mtu: found.mtu } : null;
  },
  describe: (a) => `bridge "${sw(a).name}"`,
  addressOn: (inv, a) => inv.switches.find((s) => s.name === sw(a).name)?.address,
});
