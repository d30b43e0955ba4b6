import type { Rule } from './types.js';

export const volumeRules: Rule[] = [
  {
    id: 'volume.one_source',
    code: 'NSSV_RULE_VOLUME_SOURCE',
    kind: 'atMostOne',
    attributes: ['source_image_id', 'source_snapshot_id'],
    says: 'a volume is created from an image or from a snapshot, not both',
  },
  {
    id: 'volume.rbd_raw',
    code: 'NSSV_RULE_VOLUME_RBD_FORMAT',
    kind: 'allowedValues',
    when: [{ attribute: 'kind', via: 'pool_id', equals: 'rbd' }],
    attribute: 'format',
    values: ['raw'],
    says: 'a volume in an rbd pool is an RBD image, a raw block device (format = "raw"; snapshots and clones are Ceph\'s)',
  },
  {
    id: 'volume.rbd_clone_mode',
    code: 'NSSV_RULE_VOLUME_RBD_CLONE_MODE',
    kind: 'allowedValues',
    when: [
      { attribute: 'kind', via: 'pool_id', equals: 'rbd' },
      { attribute: 'source_image_id', set: true },
    ],
    attribute: 'clone_mode',
    values: ['linked', 'full'],
    says: 'a volume of an rbd pool made from an image is an rbd clone of the image (linked) or a flattened one (full); rapid (flattened in the background) is for dir pools',
  },
];
