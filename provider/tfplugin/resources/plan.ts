import type { Diagnostic } from '../../../core/diagnostic.js';
import { isUnknown, unknownValue, type Attributes, type AttrValue } from '../../../core/values.js';
import { attributeInfos } from '../../../schemas/attributes.js';
import type { NssvStoragePoolPlanned } from '../../../schemas/generated/types.js';
import { replaceCauses } from '../../../planner/plan/replaceCauses.js';
import { unsupportedFeatures } from '../../handlers/support.js';
import { catchAgent, tfErrors } from '../errors.js';
import type { Session } from '../session.js';
import { hostIds, PER_HOST_TYPES } from './hostSets.js';
import { volumeImageStorageKind } from './imageStorageKind.js';
import { planGuestNetwork } from './guestNetwork.js';
import { placeVm, placeVolume } from './placement.js';
import { snapshotVolume } from './snapshotVolume.js';
import { planVmMove } from './vmMove.js';
import { baseAttributes, desiredInstance } from './baseAttributes.js';
import { placeGroupedVm } from './groupedVm.js';
import { label } from './label.js';
import { maintenanceWithoutDrain } from './hostMaintenance.js';

export interface ResourcePlan {
  planned: Attributes;
  requiresReplace: string[];
  diagnostics: Diagnostic[];
}

export { label, desiredInstance };

const same = (a: AttrValue | undefined, b: AttrValue | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Force-new attributes (x-nssv-force-new) whose planned value differs from the prior one. */
export function replacePaths(
  type: string,
  prior: Attributes,
  planned: Attributes,
  imported: boolean,
): string[] {
  const out: string[] = [];
  const changed = (path: string, before: AttrValue | undefined, after: AttrValue | undefined): void => {
    if (imported && (before === undefined || before === null)) return; // an import could not read it
    if (isUnknown(after) || !same(before, after)) out.push(path);
  };
  for (const info of attributeInfos(type)) {
    if (!info.forceNew) continue;
    const [block, leaf] = info.path.split('[].');
    if (!leaf) {
      changed(info.path, prior[info.path], planned[info.path]);
      continue;
    }
    const before = Array.isArray(prior[block!]) ? (prior[block!] as Attributes[]) : [];
    const after = Array.isArray(planned[block!]) ? (planned[block!] as Attributes[]) : [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (before[i] && after[i]) changed(`${block}[${i}].${leaf}`, before[i]![leaf], after[i]![leaf]);
      else if (!imported) out.push(`${block}[${i}].${leaf}`);
    }
  }
  return [...new Set(out)];
}

/**
 * PlanResourceChange for one instance: the same planned attributes `nssv plan` computes, with the
 * cross-resource facts (host sets, placement) taken from the provider's hosts and from what this
 * process planned before (Terraform plans dependencies first).
 */
export async function planResource(
  s: Session,
  type: string,
  prior: Attributes | null,
  config: Attributes,
  imported: boolean,
): Promise<ResourcePlan> {
  const diagnostics = unsupportedFeatures([desiredInstance(type, config)]);
  let planned = baseAttributes(type, prior, config);
  if (type === 'nssv_vm') planned = planGuestNetwork(s, planned, prior, config);
  if (PER_HOST_TYPES.has(type)) planned.host_ids = await hostIds(s, type, planned);
  if (type === 'nssv_security_group') diagnostics.push(...planPeers(planned));
  if (type === 'nssv_vm' && !prior && isUnknown(planned.host_id) && planned.scheduling_group_id) {
    const placed = await catchAgent(label(type, planned), diagnostics, () => placeGroupedVm(s, planned));
    if (placed) planned.host_id = placed.host;
    diagnostics.push(...(placed?.diagnostics ?? []));
  } else if (type === 'nssv_vm' && isUnknown(planned.host_id) && !prior) {
    const placed = await placeVm(s, label(type, planned), planned);
    planned.host_id = placed.host;
    diagnostics.push(...placed.diagnostics);
  }
  if (type === 'nssv_volume' && isUnknown(planned.host_id) && !prior)
    planned.host_id = await placeVolume(s, planned);
  if (type === 'nssv_volume' && isUnknown(planned.format)) planned.format = await volumeFormat(s, planned);
  if (type === 'nssv_volume') diagnostics.push(...volumeImageStorageKind(s, label(type, planned), planned));
  if (type === 'nssv_volume_snapshot') Object.assign(planned, await snapshotVolume(s, planned, prior));
  if (type === 'nssv_host') {
    diagnostics.push(...hostDeclared(s, planned));
    diagnostics.push(...(await maintenanceWithoutDrain(s, prior, planned)));
  }
  s.remember(type, planned);
  if (type === 'nssv_volume') s.pin(type, planned.name, config.host_id);
  let requiresReplace = prior
    ? replaceCauses(replacePaths(type, prior, planned, imported), planned, config)
    : [];
  // A VM whose only forcing change is its host moves there (migrate), never replaced: as nssv plan.
  if (type === 'nssv_vm' && prior && requiresReplace.length === 1 && requiresReplace[0] === 'host_id') {
    const move = await catchAgent(label(type, planned), diagnostics, () => planVmMove(s, prior, planned));
    diagnostics.push(...(move ?? []));
    requiresReplace = [];
  }
  // An rbd volume lives in the Ceph cluster: host_id only names the agent that manages it, so a
  // new host_id (its VM moved) is an in-place update, as in `nssv plan`.
  if (type === 'nssv_volume' && requiresReplace.includes('host_id') && (await poolKind(s, planned)) === 'rbd')
    requiresReplace = requiresReplace.filter((p) => p !== 'host_id');
  return { planned, requiresReplace, diagnostics };
}

/** The kind of a volume's pool: as planned in this process, else as the first host's inventory shows it. */
async function poolKind(s: Session, v: Attributes): Promise<NssvStoragePoolPlanned['kind'] | undefined> {
  if (typeof v.pool_id !== 'string') return undefined;
  const kind = s.recall('nssv_storage_pool', v.pool_id)?.kind;
  if (kind === 'rbd' || kind === 'dir') return kind;
  const host = [...s.hosts.keys()].sort()[0];
  const inv = host === undefined ? undefined : await s.ctx.inventory(host);
  return inv?.rbdPools.some((p) => p.name === v.pool_id) ? 'rbd' : 'dir';
}

/** A volume's format when unset follows its pool: raw in an rbd pool, qcow2 in a dir pool. */
async function volumeFormat(s: Session, v: Attributes): Promise<AttrValue> {
  const kind = await poolKind(s, v);
  if (kind === undefined) return unknownValue;
  return kind === 'rbd' ? 'raw' : 'qcow2';
}

/**
 * A rule naming a peer group matches the addresses of that group's NICs, which `nssv plan` reads
 * from the VMs it plans with the group. Terraform plans a group before the VMs that list it, so the
 * provider cannot know them: such rules are refused, and peer_addresses is empty (no peers).
 */
function planPeers(planned: Attributes): Diagnostic[] {
  planned.peer_addresses = {};
  const rules = Array.isArray(planned.rule) ? (planned.rule as Attributes[]) : [];
  return rules.flatMap((r, i) =>
    r && typeof r === 'object' && r.peer_security_group_id !== null && r.peer_security_group_id !== undefined
      ? [tfErrors.peerGroup(label('nssv_security_group', planned), i)]
      : [],
  );
}

/** An nssv_host must be one of the provider's hosts, at the same endpoint. */
function hostDeclared(s: Session, a: Attributes): Diagnostic[] {
  if (typeof a.name !== 'string') return [];
  const h = s.hosts.get(a.name);
  const address = label('nssv_host', a);
  if (!h) {
    return [
      {
        severity: 'error',
        code: 'NSSV_HOST_NOT_IN_PROVIDER',
        address,
        attribute: 'name',
        summary: `${address}: host "${a.name}" is not in the provider's hosts`,
        detail: `The provider reaches hosts through provider "nssv" { hosts = { … } }. Known: ${[...s.hosts.keys()].join(', ') || 'none'}. Fix: add ${a.name} = { cluster_id, endpoint, token } to the provider's hosts.`,
      },
    ];
  }
  const out: Diagnostic[] = [];
  if (typeof a.endpoint === 'string' && a.endpoint.replace(/\/+$/, '') !== h.endpoint.replace(/\/+$/, '')) {
    out.push({
      severity: 'error',
      code: 'NSSV_HOST_ENDPOINT_MISMATCH',
      address,
      attribute: 'endpoint',
      summary: `${address}: endpoint ${a.endpoint} differs from the provider's ${h.endpoint}`,
      detail: 'Fix: set both from the same local or variable.',
    });
  }
  if (typeof a.cluster_id === 'string' && a.cluster_id !== h.cluster) {
    out.push({
      severity: 'error',
      code: 'NSSV_HOST_CLUSTER_MISMATCH',
      address,
      attribute: 'cluster_id',
      summary: `${address}: cluster_id "${a.cluster_id}" differs from the provider's "${h.cluster}"`,
      detail:
        "The scheduler places VMs by the provider's hosts. Fix: set both from the same local or variable.",
    });
  }
  return out;
}

export { unknownValue };
