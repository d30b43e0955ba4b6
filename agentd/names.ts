import { schemaAjv } from '../schemas/ajv.js';
import { attributeSchema } from '../schemas/registry.js';
import { errors } from './errors.js';

/**
 * Every object name that reaches a tool or a path: pools, volumes, switches, port groups,
 * domains. What a valid name is comes from the `name` attribute of the resource each kind
 * realises (the same rule the planner checks).
 */
export type NameKind =
  | 'pool'
  | 'volume'
  | 'snapshot'
  | 'switch'
  | 'portGroup'
  | 'domain'
  | 'securityGroup'
  | 'image'
  | 'imageStore'
  | 'host'
  | 'trash';

const RESOURCE_OF: Record<Exclude<NameKind, 'trash'>, string> = {
  pool: 'nssv_storage_pool',
  volume: 'nssv_volume',
  snapshot: 'nssv_volume_snapshot',
  switch: 'nssv_distributed_switch',
  portGroup: 'nssv_port_group',
  domain: 'nssv_vm',
  securityGroup: 'nssv_security_group',
  image: 'nssv_image',
  imageStore: 'nssv_image_storage',
  host: 'nssv_host',
};

const ALLOWED =
  'names start with a lowercase letter followed by up to 62 lowercase letters, digits or hyphens';
const ALLOWED_SWITCH =
  'switch names start with a lowercase letter followed by lowercase letters, digits or hyphens, at most 15 characters in all (an OVS bridge is a Linux interface)';

const compiled = new Map<string, RegExp>();

/**
 * A regular expression for reading names back out of the paths, keys and records agentd writes:
 * in `template`, `<name>` stands for a name as the resources' schemas define it (nssv_volume's
 * name: every kind's but a switch's) and `<format>` for a volume format, each captured.
 */
export function namedRegExp(template: string): RegExp {
  let re = compiled.get(template);
  if (!re) {
    const name = attributeSchema('nssv_volume', ['name'])?.pattern?.replace(/^\^|\$$/g, '');
    const formats = attributeSchema('nssv_volume', ['format'])?.enum as string[] | undefined;
    if (!name || !formats) throw new Error('bug: nssv_volume has no name pattern or format enum');
    re = new RegExp(template.replace(/<name>/g, `(${name})`).replace(/<format>/g, `(${formats.join('|')})`));
    compiled.set(template, re);
  }
  return re;
}

/** A trash entry's id (TrashEntry.id): `<pool>.<id in the pool's trash>`. */
const TRASH_ID = '^<name>\\.[a-z0-9][a-z0-9-]{0,62}$';
const ALLOWED_TRASH = 'trash ids are <pool>.<id> as `nssv trash list` shows them, e.g. "data.vol1-m3k2x0a1"';

export function isValidName(kind: NameKind, value: string): boolean {
  if (kind === 'trash') return namedRegExp(TRASH_ID).test(value);
  const check = schemaAjv().getSchema(`${RESOURCE_OF[kind]}#/properties/name`);
  if (!check) throw new Error(`bug: no name schema for ${kind}`);
  return check(value) === true;
}

/**
 * Throws `invalid_name` unless `value` is a valid name of `kind`. `label` names the parameter in
 * the message (e.g. `pool` or `disks[0].pool`).
 */
export function assertName(kind: NameKind, value: unknown, label: string = kind): string {
  if (typeof value !== 'string') {
    throw errors.invalidRequest(
      `${label} must be a string naming a ${kind}, got ${JSON.stringify(value) ?? 'nothing'}`,
    );
  }
  if (!isValidName(kind, value)) {
    throw errors.invalidName(
      label,
      value,
      kind === 'switch' ? ALLOWED_SWITCH : kind === 'trash' ? ALLOWED_TRASH : ALLOWED,
    );
  }
  return value;
}
