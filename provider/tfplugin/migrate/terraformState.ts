import { randomUUID } from 'node:crypto';
import type { State } from '../../../planner/state/types.js';
import { PROVIDER_SOURCE } from '../install/mirror.js';
import { fullShape, SCHEMA_VERSION } from '../resources/upgrade.js';

interface Parsed {
  module?: string;
  type: string;
  name: string;
  key?: number | string;
}

/** nssv_vm.web[2], nssv_host.h["h1"], module.a.nssv_vm.b → Terraform's resource coordinates. */
export function parseAddress(address: string): Parsed {
  const m =
    /^((?:module\.[A-Za-z0-9_-]+(?:\[[^\]]+\])?\.)*)([a-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\[(\d+|"(?:[^"\\]|\\.)*")\])?$/.exec(
      address,
    );
  if (!m) throw new Error(`bug: cannot read the address ${address}`);
  const key =
    m[4] === undefined ? undefined : m[4].startsWith('"') ? (JSON.parse(m[4]) as string) : Number(m[4]);
  return { module: m[1] ? m[1].slice(0, -1) : undefined, type: m[2]!, name: m[3]!, key };
}

const withoutKey = (address: string): string => address.replace(/\[[^\]]*\]$/, '');

/**
 * nssv's state (nssv.tfstate) as a Terraform state (format 4) for the nssv provider. A format 1
 * state's instances go at schema version 0, which the provider upgrades to its current version
 * when Terraform first reads it; a format 2 state's are written in the full shape at the current
 * schema version (their delete_policy is already what format 2 means). This is the nssv →
 * Terraform migration without re-importing.
 */
export function toTerraformState(s: State, terraformVersion: string): Record<string, unknown> {
  const byResource = new Map<string, { parsed: Parsed; instances: Record<string, unknown>[] }>();
  for (const r of [...s.resources].sort((a, b) => (a.address < b.address ? -1 : 1))) {
    const parsed = parseAddress(r.address);
    const resourceKey = withoutKey(r.address);
    let entry = byResource.get(resourceKey);
    if (!entry) byResource.set(resourceKey, (entry = { parsed, instances: [] }));
    entry.instances.push({
      ...(parsed.key === undefined ? {} : { index_key: parsed.key }),
      schema_version: s.version === 1 ? 0 : SCHEMA_VERSION,
      attributes: s.version === 1 ? r.attributes : fullShape(r.type, r.attributes),
      sensitive_attributes: [],
      dependencies: [...new Set(r.dependencies.map(withoutKey))].sort(),
    });
  }
  return {
    version: 4,
    terraform_version: terraformVersion,
    serial: 1,
    lineage: randomUUID(),
    outputs: {},
    resources: [...byResource.values()].map(({ parsed, instances }) => ({
      ...(parsed.module ? { module: parsed.module } : {}),
      mode: 'managed',
      type: parsed.type,
      name: parsed.name,
      ...(parsed.key === undefined ? {} : { each: typeof parsed.key === 'number' ? 'list' : 'map' }),
      provider: `provider["${PROVIDER_SOURCE}"]`,
      instances,
    })),
    check_results: null,
  };
}
