/** Flags the `nssv sandbox` commands share. */
import { Flags } from '@oclif/core';
import { DEFAULT_NAME, DEFAULT_ROOT, ROOT_ENV } from './paths.js';

export const sandboxFlags = {
  root: Flags.string({
    description: `Sandbox directory (default: $${ROOT_ENV} or ${DEFAULT_ROOT}).`,
  }),
  name: Flags.string({
    description: `Short name, the prefix of the sandbox's network namespaces (default: ${DEFAULT_NAME}).`,
  }),
  json: Flags.boolean({ description: 'Machine-readable JSON on stdout.', default: false }),
};
