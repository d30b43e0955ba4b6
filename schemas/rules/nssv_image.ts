import type { Rule } from './types.js';

export const imageRules: Rule[] = [
  {
    id: 'image.download_checksum',
    code: 'NSSV_RULE_IMAGE_CHECKSUM',
    kind: 'requires',
    when: [{ attribute: 'source', matches: '^https?://' }],
    attribute: 'sha256',
    says: 'an image downloaded over http(s) is verified against its sha256 checksum',
  },
];
