import type { Rule } from './types.js';

export const imageStorageRules: Rule[] = [
  {
    id: 'image_storage.path_dir_only',
    code: 'NSSV_RULE_IMAGE_STORAGE_PATH',
    kind: 'forbids',
    when: [{ attribute: 'kind', equals: 'rbd' }],
    attribute: 'path',
    says: 'path is the directory of a dir image storage; an rbd image storage is a Ceph pool',
  },
];
