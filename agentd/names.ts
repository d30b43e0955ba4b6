import { errors } from './errors.js';

/** Every object name that reaches a tool or a path: pools, volumes, switches, port groups, domains. */
export const NAME_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;
/** Linux interface names (OVS bridges) are limited to 15 characters. */
export const SWITCH_NAME_MAX_CHARS = 15;

export type NameKind = 'pool' | 'volume' | 'switch' | 'portGroup' | 'domain' | 'host' | 'securityGroup';

const ALLOWED =
  'names start with a lowercase letter followed by up to 62 lowercase letters, digits or hyphens';
const ALLOWED_SWITCH = `switch names start with a lowercase letter followed by lowercase letters, digits or hyphens, at most ${SWITCH_NAME_MAX_CHARS} characters in all (an OVS bridge is a Linux interface)`;

export function isValidName(kind: NameKind, value: string): boolean {
  if (!NAME_PATTERN.test(value)) return false;
  return kind !== 'switch' || value.length <= SWITCH_NAME_MAX_CHARS;
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
    throw errors.invalidName(label, value, kind === 'switch' ? ALLOWED_SWITCH : ALLOWED);
  }
  return value;
}
