import type { RbdPoolInfo, RbdPoolSpec } from '../../agentd/api/types.js';
import type { Attributes } from '../../core/values.js';
import { blocks, num, str } from './attrs.js';
import { perHostHandler } from './perHost.js';

/** The agent's spec for an rbd pool, from the planned attributes. */
export function rbdPoolSpec(address: string, a: Attributes): RbdPoolSpec {
  const ec = blocks(a, 'erasure_code')[0];
  return {
    address,
    replicas: a.replicas === null || a.replicas === undefined ? null : num(a, 'replicas'),
    erasureCode: ec ? { k: num(ec, 'k'), m: num(ec, 'm') } : null,
    failureDomain: str(a, 'failure_domain') as RbdPoolSpec['failureDomain'],
    quotaGiB: a.quota_gib === null || a.quota_gib === undefined ? null : num(a, 'quota_gib'),
    recoveryQos: str(a, 'recovery_qos') as RbdPoolSpec['recoveryQos'],
    thinProvisioning: a.thin_provisioning !== false,
  };
}

/** The pool's attributes as Ceph reports them (what drift is measured against). */
export function rbdPoolAttributes(p: RbdPoolInfo): Attributes {
  return {
    replicas: p.replicas,
    erasure_code: p.erasureCode ? [{ k: p.erasureCode.k, m: p.erasureCode.m }] : [],
    failure_domain: p.failureDomain,
    quota_gib: p.quotaGiB,
    recovery_qos: p.recoveryQos,
    thin_provisioning: p.thinProvisioning,
  };
}

/**
 * An rbd pool: Ceph pool(s) shared by the hosts of its cluster. Every host's agent converges it
 * (the first creates it, the others find it as wanted) and reports it from Ceph in its inventory.
 */
export const rbdPoolHandler = perHostHandler({
  type: 'nssv_storage_pool',
  put: (agent, address, a) => agent.putRbdPool(str(a, 'name'), rbdPoolSpec(address, a)),
  remove: (agent, a) => agent.deleteRbdPool(str(a, 'name')),
  find: (inv, a) => {
    const p = inv.rbdPools.find((x) => x.name === a.name);
    return p ? rbdPoolAttributes(p) : null;
  },
  describe: (a) => `rbd pool "${String(a.name)}" (Ceph pool nssv.${String(a.name)})`,
  addressOn: (inv, a) => inv.rbdPools.find((p) => p.name === a.name)?.address,
});
