import type { Rule } from './types.js';

const rbd = [{ attribute: 'kind', equals: 'rbd' }];
const dir = [{ attribute: 'kind', equals: 'dir' }];

export const storagePoolRules: Rule[] = [
  {
    id: 'storage_pool.redundancy',
    code: 'NSSV_RULE_POOL_REDUNDANCY',
    kind: 'exactlyOne',
    when: rbd,
    attributes: ['replicas', 'erasure_code'],
    says: 'an rbd pool is protected by either replicas (2–6 copies) or an erasure_code { k, m } block, not both',
  },
  ...(['replicas', 'erasure_code', 'failure_domain', 'recovery_qos'] as const).map((attribute): Rule => ({
    id: `storage_pool.dir_${attribute}`,
    code: 'NSSV_RULE_POOL_RBD_ONLY',
    kind: 'forbids',
    when: dir,
    attribute,
    says: `${attribute} applies to rbd pools only; a dir pool keeps one copy of each file on its host`,
  })),
  {
    id: 'storage_pool.failure_domain_labels',
    code: 'NSSV_RULE_FAILURE_DOMAIN_LABEL',
    kind: 'hostLabels',
    when: rbd,
    attribute: 'failure_domain',
    cluster: 'cluster_id',
    labels: ['chassis', 'rack'],
    says: 'a chassis or rack failure domain needs every host of the cluster labelled with its chassis or rack',
  },
];
