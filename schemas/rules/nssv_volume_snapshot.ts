import type { Rule } from './types.js';

export const volumeSnapshotRules: Rule[] = [
  {
    id: 'volume_snapshot.chain_limit',
    code: 'NSSV_RULE_SNAPSHOT_CHAIN',
    kind: 'maxPerReference',
    reference: 'volume_id',
    path: ['volume_id', 'pool_id'],
    attribute: 'kind',
    limits: { dir: 128, rbd: 32 },
    noun: 'snapshots',
    says: "a volume's snapshot chain holds at most 128 snapshots in a dir pool and 32 in an rbd pool",
  },
];
