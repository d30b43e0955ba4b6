import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';
import { isUnknown, type Attributes, type AttrValue } from '../../core/values.js';
import type { DesiredInstance } from '../../planner/config/types.js';
import type { State, StateResource } from '../../planner/state/types.js';
import { applyDefaults, attributeInfos } from '../../schemas/attributes.js';
import { findResourceSchema } from '../../schemas/registry.js';
import type { Inventory } from '../../schemas/generated/agentApi.js';
import { AgentError } from '../agent/agentError.js';
import { providerErrors } from '../errors.js';
import type { HandlerContext } from '../handlers/types.js';
import type { Adoption } from './adopt.js';
import { importErrors } from './errors.js';
import { inferFromConfig } from './infer.js';
import { hostsToAsk, lookupInInventories, parseImportId, type KnownHost } from './lookup.js';

const HOSTS = "the configuration's hosts";

/** One object to take over, as the import block or `nssv import` gives it. */
export interface ImportRequest {
  to: string;
  id: string;
  range?: SourceRange;
}

/** An import resolved: the instance as the state will record it. */
export interface ResolvedImport {
  address: string;
  id: string;
  resource: StateResource;
  /** Objects made outside nssv that receive nssv's records when the import is applied. */
  adopt?: Adoption[];
}

/** Hosts the configuration (or else the state) declares, with their clusters. */
export function knownHosts(desired: readonly DesiredInstance[], state: State): Map<string, KnownHost> {
  const out = new Map<string, KnownHost>();
  const add = (a: Attributes): void => {
    const { name, endpoint, token, cluster_id } = a;
    if (typeof name === 'string' && typeof endpoint === 'string' && typeof token === 'string')
      out.set(name, {
        host: name,
        endpoint,
        token,
        cluster: typeof cluster_id === 'string' ? cluster_id : '',
      });
  };
  for (const r of state.resources) if (r.type === 'nssv_host') add(r.attributes);
  for (const d of desired) if (d.type === 'nssv_host') add(d.attributes);
  return out;
}

function known(v: AttrValue | undefined): boolean {
  if (v === undefined || isUnknown(v)) return false;
  if (Array.isArray(v)) return v.every(known);
  if (v && typeof v === 'object') return Object.values(v).every(known);
  return true;
}

/** The type of a resource instance address (module.x.nssv_vm.web[0] → nssv_vm). */
export function typeOfAddress(address: string): string {
  const parts = address.replace(/\[[^\]]*\]/g, '').split('.');
  return parts[parts.length - 2] ?? '';
}

/** The instances an instance depends on, as the state records them (resource addresses expanded). */
export function dependenciesOf(desired: readonly DesiredInstance[], address: string): string[] {
  const d = desired.find((x) => x.address === address);
  if (!d) return [];
  const out = new Set<string>();
  for (const dep of d.dependsOn)
    for (const x of desired) if (x.address === dep || x.resourceAddress === dep) out.add(x.address);
  out.delete(address);
  return [...out].sort();
}

function sensitivePaths(type: string, d: DesiredInstance | undefined): string[] {
  const fromSchema = attributeInfos(type)
    .filter((a) => a.sensitive)
    .map((a) => a.path);
  return [...new Set([...fromSchema, ...(d?.sensitivePaths ?? [])])].sort();
}

/**
 * Finds each import's object on the hosts and returns it as a state instance: what the hosts
 * report over what the configuration says (for what a host cannot tell, like a switch's
 * datacenter_id), so the plan that follows shows only real differences. Imports into an
 * address the state already has are skipped (done before); `allowUnconfigured` lets targets
 * without a resource block through (for -generate-config-out).
 */
export async function resolveImports(
  ctx: HandlerContext,
  desired: readonly DesiredInstance[],
  state: State,
  requests: readonly ImportRequest[],
  allowUnconfigured = false,
): Promise<{ imported: ResolvedImport[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const imported: ResolvedImport[] = [];
  const hosts = knownHosts(desired, state);
  const invs = new Map<string, Inventory>();
  const inventory = async (h: string, to: string): Promise<Inventory | undefined> => {
    if (invs.has(h)) return invs.get(h);
    try {
      const inv = await ctx.inventory(h);
      invs.set(h, inv);
      return inv;
    } catch (e) {
      if (!(e instanceof AgentError)) throw e;
      diagnostics.push(providerErrors.refreshFailed(to, e));
      return undefined;
    }
  };
  for (const r of requests) {
    if (state.resources.some((x) => x.address === r.to)) continue;
    const d = desired.find((x) => x.address === r.to);
    const type = d?.type ?? typeOfAddress(r.to);
    if (!d && !allowUnconfigured) {
      diagnostics.push(importErrors.noConfig(r.to, r.range));
      continue;
    }
    if (!findResourceSchema(type)) {
      diagnostics.push(importErrors.notFound(r.to, r.id, `${type} is not an nssv resource type`, r.range));
      continue;
    }
    const ask = hostsToAsk(hosts, r.id, HOSTS);
    if (typeof ask === 'string') {
      diagnostics.push(importErrors.notFound(r.to, r.id, ask, r.range));
      continue;
    }
    const found = new Map<string, Inventory>();
    for (const h of ask) {
      const inv = await inventory(h, r.to);
      if (inv) found.set(h, inv);
    }
    if (found.size < ask.length) continue;
    const look = lookupInInventories(hosts, type, parseImportId(r.id).name, found, HOSTS);
    if ('problem' in look) {
      diagnostics.push(importErrors.notFound(r.to, r.id, look.problem, r.range));
      continue;
    }
    const other = [...state.resources, ...imported.map((i) => i.resource)].find(
      (x) =>
        x.type === type && x.attributes.name === look.reported.name && sameHost(x.attributes, look.reported),
    );
    if (other) {
      diagnostics.push(importErrors.alreadyManaged(r.to, other.address, r.range));
      continue;
    }
    const reported = d ? look.reported : inferFromConfig(type, look.reported, desired);
    const fromConfig: Attributes = {};
    for (const [k, v] of Object.entries(d?.attributes ?? {})) if (known(v)) fromConfig[k] = v;
    imported.push({
      address: r.to,
      id: r.id,
      resource: {
        address: r.to,
        type,
        attributes: { ...applyDefaults(type, overlay(fromConfig, reported)), id: reported.name! },
        dependencies: dependenciesOf(desired, r.to),
        sensitivePaths: sensitivePaths(type, d),
      },
      ...(look.adopt ? { adopt: look.adopt } : {}),
    });
  }
  return { imported, diagnostics };
}

/** The host's values over the configuration's; blocks item by item (a NIC keeps its configured fields). */
function overlay(config: Attributes, reported: Attributes): Attributes {
  const out: Attributes = { ...config };
  for (const [k, v] of Object.entries(reported)) {
    const c = config[k];
    out[k] =
      Array.isArray(v) && Array.isArray(c) && v.length === c.length
        ? v.map((item, i) =>
            isObject(item) && isObject(c[i]) ? { ...(c[i] as Attributes), ...(item as Attributes) } : item,
          )
        : v;
  }
  return out;
}

const isObject = (v: AttrValue | undefined): boolean => !!v && typeof v === 'object' && !Array.isArray(v);

function sameHost(a: Attributes, b: Attributes): boolean {
  return a.host_id === undefined || b.host_id === undefined || a.host_id === b.host_id;
}
