import { cdk } from './library.js';

/** A value only known when Terraform runs: an unresolved token (string, number, list) or an IResolvable. */
export function isToken(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'object' && !Array.isArray(value))
    return typeof (value as { resolve?: unknown }).resolve === 'function';
  if (Array.isArray(value)) return false;
  return cdk.Token.isUnresolved(value);
}
