import { errors } from '../errors.js';
import { RECOVERY, type RecoveryQos } from './recovery.js';
import type { FailureDomain, RbdPoolSpec } from './types.js';

const FIELDS = [
  'address',
  'replicas',
  'erasureCode',
  'failureDomain',
  'quotaGiB',
  'recoveryQos',
  'thinProvisioning',
];
const DOMAINS: readonly FailureDomain[] = ['host', 'chassis', 'rack', 'datacenter'];

const show = (v: unknown): string => (v === undefined ? 'nothing' : (JSON.stringify(v) ?? String(v)));
const bad = (field: string, allowed: string, v: unknown) =>
  errors.invalidRequest(`rbdPoolSpec.${field} must be ${allowed}, got ${show(v)}`);

function intOrNull(v: unknown, field: string, min: number, max: number): number | null {
  if (v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw bad(field, `null or an integer from ${min} to ${max}`, v);
  return v;
}

/** The body of PUT /v1/rbd-pools/:pool; each failure names the field, the value and what is allowed. */
export function rbdPoolSpec(body: unknown): RbdPoolSpec {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw errors.invalidRequest(`rbdPoolSpec must be a JSON object, got ${show(body)}`);
  const o = body as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !FIELDS.includes(k));
  if (unknown.length > 0)
    throw errors.invalidRequest(
      `rbdPoolSpec has unknown field(s) ${unknown.map(show).join(', ')}; allowed: ${FIELDS.join(', ')}`,
    );
  const address = o.address;
  if (
    typeof address !== 'string' ||
    address.length === 0 ||
    address.length > 1024 ||
    [...address].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)
  )
    throw bad('address', 'the nssv address of the resource (1 to 1024 printable characters)', address);
  const replicas = intOrNull(o.replicas, 'replicas', 2, 6);
  let erasureCode: RbdPoolSpec['erasureCode'] = null;
  if (o.erasureCode !== null) {
    const ec = o.erasureCode as Record<string, unknown> | undefined;
    if (typeof ec !== 'object' || ec === null || Object.keys(ec).sort().join() !== 'k,m')
      throw bad('erasureCode', 'null or {"k": 2..16, "m": 1..8}', ec);
    erasureCode = { k: intOrNull(ec.k, 'erasureCode.k', 2, 16)!, m: intOrNull(ec.m, 'erasureCode.m', 1, 8)! };
    if (erasureCode.k === null || erasureCode.m === null)
      throw bad('erasureCode', '{"k": 2..16, "m": 1..8}', ec);
  }
  if ((replicas === null) === (erasureCode === null))
    throw errors.invalidRequest('rbdPoolSpec needs exactly one of replicas and erasureCode (the other null)');
  if (!DOMAINS.includes(o.failureDomain as FailureDomain))
    throw bad('failureDomain', `one of ${DOMAINS.map(show).join(', ')}`, o.failureDomain);
  const quotaGiB = intOrNull(o.quotaGiB, 'quotaGiB', 1, 1048576);
  if (!Object.keys(RECOVERY).includes(o.recoveryQos as string))
    throw bad('recoveryQos', `one of ${Object.keys(RECOVERY).map(show).join(', ')}`, o.recoveryQos);
  if (typeof o.thinProvisioning !== 'boolean')
    throw bad('thinProvisioning', 'true or false', o.thinProvisioning);
  return {
    address,
    replicas,
    erasureCode,
    failureDomain: o.failureDomain as FailureDomain,
    quotaGiB,
    recoveryQos: o.recoveryQos as RecoveryQos,
    thinProvisioning: o.thinProvisioning,
  };
}
