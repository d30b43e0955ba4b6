import type { DomainSpec, PoolSpec, PortGroupSpec, SwitchSpec, VolumeSpec } from '../api/types.js';
import { isUnicastMac } from '../domains/mac.js';
import { errors } from '../errors.js';
import { assertName } from '../names.js';
import { cloudInitSpec } from './validate-cloud-init.js';
import { volumeSource } from './validate-images.js';

/** Request body validation: each failure is a 400 invalid_request naming the field, the value and what is allowed. */
type Obj = Record<string, unknown>;

export function show(value: unknown): string {
  return value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
}

export function object(value: unknown, label: string, allowed: readonly string[]): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw errors.invalidRequest(`${label} must be a JSON object, got ${show(value)}`);
  }
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw errors.invalidRequest(
      `${label} has unknown field(s) ${unknown.map((k) => JSON.stringify(k)).join(', ')}; allowed: ${allowed.join(', ')}`,
    );
  }
  return value as Obj;
}

function hasControlChars(s: string): boolean {
  return [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}

export function address(o: Obj, label: string): string {
  const v = o.address;
  if (typeof v !== 'string' || v.length === 0 || v.length > 1024 || hasControlChars(v)) {
    throw errors.invalidRequest(
      `${label}.address must be the nssv address of the resource (a non-empty string of at most 1024 printable characters, e.g. "nssv_vm.web[0]"), got ${show(v)}`,
    );
  }
  return v;
}

function integer(o: Obj, field: string, label: string, min: number, max: number): number {
  const v = o[field];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw errors.invalidRequest(`${label}.${field} must be an integer from ${min} to ${max}, got ${show(v)}`);
  }
  return v;
}

export function oneOf<T extends string>(o: Obj, field: string, label: string, allowed: readonly T[]): T {
  const v = o[field];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw errors.invalidRequest(
      `${label}.${field} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${show(v)}`,
    );
  }
  return v as T;
}

function array(o: Obj, field: string, label: string, max: number): unknown[] {
  const v = o[field];
  if (!Array.isArray(v) || v.length > max) {
    throw errors.invalidRequest(
      `${label}.${field} must be an array of at most ${max} entries, got ${Array.isArray(v) ? `${v.length} entries` : show(v)}`,
    );
  }
  return v;
}

export function poolSpec(body: unknown): PoolSpec {
  const o = object(body, 'body', ['address']);
  return { address: address(o, 'body') };
}

export const MAX_VOLUME_GIB = 64 * 1024;

export function volumeSpec(body: unknown): VolumeSpec {
  const o = object(body, 'body', ['address', 'sizeGiB', 'format', 'source']);
  return {
    address: address(o, 'body'),
    sizeGiB: integer(o, 'sizeGiB', 'body', 1, MAX_VOLUME_GIB),
    format: oneOf(o, 'format', 'body', ['qcow2', 'raw'] as const),
    ...(o.source !== undefined && o.source !== null ? { source: volumeSource(o.source) } : {}),
  };
}

export function switchSpec(body: unknown): SwitchSpec {
  const o = object(body, 'body', ['address', 'mtu']);
  return { address: address(o, 'body'), mtu: integer(o, 'mtu', 'body', 68, 9216) };
}

export function portGroupSpec(body: unknown): PortGroupSpec {
  const o = object(body, 'body', ['address', 'vlanId']);
  const v = o.vlanId;
  if (v !== null && (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 4094)) {
    throw errors.invalidRequest(
      `body.vlanId must be an integer from 1 to 4094 or null (untagged), got ${show(v)}`,
    );
  }
  return { address: address(o, 'body'), vlanId: v };
}

export const MAX_DISKS = 26;
export const MAX_NICS = 16;

export function domainSpec(body: unknown): DomainSpec {
  const o = object(body, 'body', [
    'address',
    'vcpus',
    'memoryMiB',
    'disks',
    'nics',
    'powerState',
    'cloudInit',
  ]);
  const spec: DomainSpec = {
    address: address(o, 'body'),
    vcpus: integer(o, 'vcpus', 'body', 1, 256),
    memoryMiB: integer(o, 'memoryMiB', 'body', 16, 4 * 1024 * 1024),
    disks: array(o, 'disks', 'body', MAX_DISKS).map((d, i) => {
      const label = `body.disks[${i}]`;
      const x = object(d, label, ['pool', 'volume']);
      return {
        pool: assertName('pool', x.pool, `${label}.pool`),
        volume: assertName('volume', x.volume, `${label}.volume`),
      };
    }),
    nics: array(o, 'nics', 'body', MAX_NICS).map((n, i) => {
      const label = `body.nics[${i}]`;
      const x = object(n, label, ['switch', 'portGroup', 'mac']);
      const nic = {
        switch: assertName('switch', x.switch, `${label}.switch`),
        portGroup: assertName('portGroup', x.portGroup, `${label}.portGroup`),
      };
      if (x.mac === undefined || x.mac === null) return nic;
      if (typeof x.mac !== 'string' || !isUnicastMac(x.mac.toLowerCase())) {
        throw errors.invalidRequest(
          `${label}.mac must be a unicast MAC address like "52:54:00:12:34:56", got ${show(x.mac)}`,
        );
      }
      return { ...nic, mac: x.mac.toLowerCase() };
    }),
    powerState: oneOf(o, 'powerState', 'body', ['running', 'shutoff'] as const),
  };
  if (o.cloudInit !== undefined && o.cloudInit !== null)
    spec.cloudInit = cloudInitSpec(o.cloudInit, spec.nics.length);
  const seen = new Map<string, number>();
  spec.disks.forEach((d, i) => {
    const key = `${d.pool}/${d.volume}`;
    if (seen.has(key))
      throw errors.invalidRequest(`body.disks[${i}] repeats volume ${key} of body.disks[${seen.get(key)}]`);
    seen.set(key, i);
  });
  return spec;
}
