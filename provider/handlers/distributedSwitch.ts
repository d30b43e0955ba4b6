import { num, str } from './attrs.js';
import { perHostHandler } from './perHost.js';

/** A distributed switch: an OVS bridge of the same name on every host of its clusters. */
export const distributedSwitchHandler = perHostHandler({
  type: 'nssv_distributed_switch',
  put: (agent, address, a) => agent.putSwitch(str(a, 'name'), { address, mtu: num(a, 'mtu') }),
  remove: (agent, a) => agent.deleteSwitch(str(a, 'name')),
  find: (inv, a) => {
    const sw = inv.switches.find((s) => s.name === a.name);
    return sw ? { mtu: sw.mtu } : null;
  },
  describe: (a) => `bridge "${String(a.name)}"`,
  addressOn: (inv, a) => inv.switches.find((s) => s.name === a.name)?.address,
});
