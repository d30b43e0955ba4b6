import type { RbdPoolInfo, RbdPoolSpec } from '../../schemas/generated/agentApi.js';
import type { Attributes } from '../../core/values.js';
import { typed, untyped } from './attrs.js';
import { perHostHandler } from './perHost.js';

const pool = (a: Attributes) => typed('nssv_storage_pool', a);

/** The agent's spec for an rbd pool, from the planned attributes. */
export function rbdPoolSpec(address: string, a: Attributes): RbdPoolSpec {
  const p = pool(a);
  const ec = p.erasure_code[0];
  return {
    address,
    replicas: p.replicas,
    erasureCode: ec ? { k: ec.k, m: ec.m } : null,
    failureDomain: p.failure_domain,
    quotaGiB: p.quota_gib,
    recoveryQos: p.recovery_qos,
    thinProvisioning: p.thin_provisioning,
  };
}

/** The pool's attributes as Ceph reports them (what drift is measured against). */
export function rbdPoolAttributes(p: RbdPoolInfo): Attributes {
  return untyped({
    replicas: p.replicas,
    erasure_code: p.erasureCode ? [{ k: p.erasureCode.k, m: p.erasureCode.m }] : [],
    failure_domain: p.failureDomain,
    quota_gib: p.quotaGiB,
    recovery_qos: p.recoveryQos,
    thin_provisioning: p.thinProvisioning,
  });
}

/**
 * An rbd pool: Ceph pool(s) shared by the hosts of its cluster. Every host's agent converges it
 * (the first creates it, the others find it as wanted) and reports it from Ceph in its inventory.
 */
export const rbdPoolHandler = perHostHandler({
  type: 'nssv_storage_pool',
  put: (agent, address, a) => agent.putRbdPool(pool(a).name, rbdPoolSpec(address, a)),
  remove: (agent, a) => agent.deleteRbdPool(pool(a).name),
  find: (inv, a) => {
    const p = inv.rbdPools.find((x) => x.name === pool(a).name);
    return p ? rbdPoolAttributes(p) : null;
  },
  describe: (a) => `rbd pool "${pool(a).name}" (Ceph pool nssv.${pool(a).name})`,
  addressOn: (inv, a) => inv.rbdPools.find((p) => p.name === pool(a).name)?.address,
});
