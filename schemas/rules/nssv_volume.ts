import type { Rule } from './types.js';

export const volumeRules: Rule[] = [
  {
    id: 'volume.one_source',
    code: 'NSSV_RULE_VOLUME_SOURCE',
    kind: 'atMostOne',
    attributes: ['source_image_id', 'source_snapshot_id'],
    says: 'a volume is created from an image or from a snapshot, not both',
  },
];
