import type { Attributes } from '../../../core/values.js';

/** How messages name an instance: Terraform already shows its address, nssv adds the object's name. */
export function label(type: string, a: Attributes): string {
  return `${type} "${typeof a.name === 'string' ? a.name : '?'}"`;
}
