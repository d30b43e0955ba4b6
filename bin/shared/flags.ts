import { Flags } from '@oclif/core';

/** Flags every configuration command shares. */
export const configFlags = {
  config: Flags.string({ description: 'Configuration directory (default: the current directory).' }),
  var: Flags.string({
    description: 'Set a variable: -var NAME=VALUE (repeatable).',
    multiple: true,
    default: [],
  }),
  'var-file': Flags.string({
    description: 'Read variables from a .tfvars file (repeatable).',
    multiple: true,
    default: [],
  }),
  json: Flags.boolean({ description: 'Machine-readable JSON on stdout.', default: false }),
  'no-color': Flags.boolean({
    description: 'Accepted for Terraform compatibility; output has no colour.',
    default: false,
    hidden: true,
  }),
};

/** Commands that only read or edit the state: the configuration says where it is (and its key). */
export const stateFlags = {
  config: configFlags.config,
  var: configFlags.var,
  'var-file': configFlags['var-file'],
};

/** -target / -replace, as in Terraform; -exclude, as in OpenTofu. */
export const selectionFlags = {
  target: Flags.string({
    description: 'Plan only this resource or instance (and what it depends on); repeatable.',
    multiple: true,
    default: [],
  }),
  replace: Flags.string({
    description: 'Replace this instance even if nothing forces it; repeatable.',
    multiple: true,
    default: [],
  }),
  refresh: Flags.string({
    description:
      'false: plan against the state as recorded, without reading the hosts (changes made outside nssv go unseen).',
    options: ['true', 'false'],
    default: 'true',
  }),
  exclude: Flags.string({
    description: 'Leave this resource or instance (and what depends on it) as it is; repeatable.',
    multiple: true,
    default: [],
    exclusive: ['target'],
  }),
};

export const applyFlags = {
  'refresh-only': Flags.boolean({
    description: 'Record in the state what changed on the hosts outside nssv; change nothing on them.',
    default: false,
  }),
  'auto-approve': Flags.boolean({ description: 'Apply without asking for confirmation.', default: false }),
  parallelism: Flags.integer({ description: 'How many steps run at once.', default: 10, min: 1, max: 256 }),
  'per-host-parallelism': Flags.integer({
    description: 'How many steps run at once on one host.',
    default: 4,
    min: 1,
    max: 64,
  }),
  'on-failure': Flags.string({
    description: 'What to do when a step fails: roll back what this apply did (default) or stop and keep it.',
    options: ['rollback', 'stop'],
    default: 'rollback',
  }),
};
