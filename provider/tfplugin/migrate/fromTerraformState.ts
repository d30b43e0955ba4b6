import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Attributes } from '../../../core/values.js';
import { childPath } from '../../../planner/config/to-json.js';
import type { State, StateResource } from '../../../planner/state/types.js';
import { findResourceSchema } from '../../../schemas/registry.js';
import { tfStateErrors } from '../errors.js';
import { PROVIDER_SOURCE } from '../install/mirror.js';
import { SCHEMA_VERSION, upgradeAttributes } from '../resources/upgrade.js';
import { STATE_VERSION } from '../../../planner/state/upgrade.js';

interface TfInstance {
  index_key?: unknown;
  schema_version?: unknown;
  attributes?: unknown;
  sensitive_attributes?: unknown;
  dependencies?: unknown;
  status?: unknown;
  deposed?: unknown;
}

interface TfResource {
  module?: unknown;
  mode?: unknown;
  type?: unknown;
  name?: unknown;
  provider?: unknown;
  instances?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** module.a["x"].nssv_vm.web + index key 2 → module.a["x"].nssv_vm.web[2] */
function instanceAddress(r: TfResource, key: unknown): string {
  const base = `${typeof r.module === 'string' && r.module ? `${r.module}.` : ''}${String(r.type)}.${String(r.name)}`;
  if (key === undefined || key === null) return base;
  return typeof key === 'number' ? `${base}[${key}]` : `${base}[${JSON.stringify(String(key))}]`;
}

/** Terraform's sensitive_attributes ([[{type:"get_attr",value:"token"}], …]) as nssv's paths ("token"). */
function sensitivePaths(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const out: string[] = [];
  for (const steps of raw) {
    if (!Array.isArray(steps)) continue;
    let path = '';
    for (const s of steps as { type?: unknown; value?: unknown }[]) {
      if (s.type === 'get_attr') path = childPath(path, String(s.value));
      else if (s.type === 'index') {
        const v = isObject(s.value) ? s.value.value : s.value;
        path = childPath(path, typeof v === 'number' ? v : String(v));
      }
    }
    if (path) out.push(path);
  }
  return [...new Set(out)].sort();
}

/**
 * A Terraform state (format 4) written by `terraform` with the nssv provider, as nssv's own
 * state: the reverse of toTerraformState (`nssv state import-terraform`). Instances keep their
 * attributes (upgraded to the current schema version where Terraform recorded an older one),
 * their address (modules, count and for_each keys), Terraform's resource-level dependencies
 * (nssv orders deletes by them as it does by instance addresses) and their sensitive paths.
 * Data sources are skipped (nssv reads them on every plan). Anything nssv cannot hold — a
 * resource of another provider, a tainted or deposed instance, a newer schema version — is
 * reported, all together, and nothing is converted.
 */
export function fromTerraformState(raw: unknown, file: string): { state?: State; diagnostics: Diagnostic[] } {
  if (!isObject(raw)) return { diagnostics: [tfStateErrors.invalid(file, 'it is not a JSON object')] };
  if (raw.version !== 4)
    return {
      diagnostics: [
        tfStateErrors.invalid(
          file,
          `"version" is ${JSON.stringify(raw.version)}, expected 4 (Terraform ≥ 0.12)`,
        ),
      ],
    };
  if (typeof raw.lineage !== 'string' || typeof raw.serial !== 'number' || !Array.isArray(raw.resources))
    return { diagnostics: [tfStateErrors.invalid(file, '"lineage", "serial" or "resources" is missing')] };
  const diagnostics: Diagnostic[] = [];
  const resources: StateResource[] = [];
  for (const r of raw.resources as TfResource[]) {
    if (!isObject(r) || r.mode === 'data') continue;
    const instances = Array.isArray(r.instances) ? (r.instances as TfInstance[]) : [];
    const ours =
      typeof r.type === 'string' &&
      findResourceSchema(r.type) !== undefined &&
      typeof r.provider === 'string' &&
      r.provider.startsWith(`provider["${PROVIDER_SOURCE}"]`);
    if (!ours) {
      diagnostics.push(tfStateErrors.foreign(file, instanceAddress(r, undefined), String(r.provider)));
      continue;
    }
    for (const i of instances) {
      const address = instanceAddress(r, i.index_key);
      const version = typeof i.schema_version === 'number' ? i.schema_version : 0;
      if (i.deposed !== undefined) diagnostics.push(tfStateErrors.deposed(file, address));
      else if (i.status === 'tainted') diagnostics.push(tfStateErrors.tainted(file, address));
      else if (version > SCHEMA_VERSION) diagnostics.push(tfStateErrors.newer(file, address, version));
      else if (!isObject(i.attributes))
        diagnostics.push(tfStateErrors.invalid(file, `${address} has no attributes`));
      else
        resources.push({
          address,
          type: r.type as string,
          attributes: upgradeAttributes(r.type as string, version, i.attributes as Attributes),
          dependencies: Array.isArray(i.dependencies) ? [...(i.dependencies as string[])].sort() : [],
          sensitivePaths: sensitivePaths(i.sensitive_attributes),
        });
    }
  }
  if (diagnostics.length > 0) return { diagnostics };
  const outputs: NonNullable<State['outputs']> = {};
  for (const [name, o] of Object.entries(isObject(raw.outputs) ? raw.outputs : {})) {
    if (isObject(o)) outputs[name] = { value: o.value, sensitive: o.sensitive === true };
  }
  return {
    state: {
      version: STATE_VERSION,
      serial: raw.serial,
      lineage: raw.lineage,
      resources: resources.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0)),
      outputs,
    },
    diagnostics: [],
  };
}
