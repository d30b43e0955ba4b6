import type { Diagnostic } from '../../../core/diagnostic.js';
import { isUnknown, type Attributes } from '../../../core/values.js';
import { loadConfig } from '../../../planner/config/load.js';
import { nodeSourceFiles } from '../../files/nodeSourceFiles.js';
import type { PlanContext, PlanNode } from '../../../planner/plan/context.js';
import type { HostFacts } from '../../../planner/plan/hostFacts.js';
import { place } from '../../../planner/plan/transforms/place.js';
import type { Session } from '../session.js';
import { baseAttributes } from '../resources/baseAttributes.js';

/** What the scheduler needs of the configuration besides VMs: hosts, clusters and the groups' rules. */
const CONTEXT_TYPES = new Set(['nssv_host', 'nssv_cluster', 'nssv_scheduling_group', 'nssv_host_group']);
/** Placement errors of the native scheduler the provider passes on for a grouped VM. */
const PLACEMENT_CODES = new Set(['NSSV_SCHEDULING_RULE_FAILED', 'NSSV_PLACEMENT_FAILED']);

/** The native scheduler's result for every VM of the configuration that is in a scheduling group. */
export interface GroupModel {
  /** The directory the provider evaluated (Terraform's working directory). */
  dir: string;
  /** Why the configuration could not be evaluated (a required variable the provider cannot see, …). */
  problem?: string;
  /** By VM name: the evaluated attributes (after defaults), the host chosen, why, and plan errors. */
  vms: Map<
    string,
    { address: string; planned: Attributes; host?: string; why?: string; diagnostics: Diagnostic[] }
  >;
  /** By id: the evaluated scheduling groups. */
  groups: Map<string, Attributes>;
}

const hasGroup = (a: Attributes): boolean => typeof a.scheduling_group_id === 'string';

/**
 * Evaluates the configuration in `dir` as `nssv plan` does (TF_VAR_ variables and *.tfvars files
 * included; Terraform's -var and -var-file flags are not visible to a provider) and runs nssv's
 * scheduler over all its VMs at once. The model holds the VMs in scheduling groups and the VMs
 * pinned by host_id (their share of each host and their groups): unpinned VMs outside groups are
 * left out, being placed by the provider's own stable choice. A VM of the model that runs already
 * (its domain, with the address nssv records, is on one of the provider's hosts) keeps its host;
 * the others are placed in address order, as in `nssv plan`. The result depends only on the
 * configuration and on what ran before: Terraform plans each VM again during apply, in the same
 * provider process, which keeps this model, so apply places each VM where the plan showed it.
 */
export async function groupModel(s: Session, dir: string): Promise<GroupModel> {
  const loaded = await loadConfig(dir, { files: nodeSourceFiles, cwd: dir, env: process.env });
  const vms: GroupModel['vms'] = new Map();
  const groups = new Map<string, Attributes>();
  const failed = loaded.diagnostics.find((d) => d.severity === 'error');
  if (failed) {
    const where = failed.range ? ` (${failed.range.file}:${failed.range.line})` : '';
    return { dir, problem: `${failed.code}: ${failed.summary}${where}`, vms, groups };
  }
  const nodes = new Map<string, PlanNode>();
  for (const d of loaded.instances) {
    const vm = d.type === 'nssv_vm';
    if (!vm && !CONTEXT_TYPES.has(d.type)) continue;
    const planned = baseAttributes(d.type, null, d.attributes);
    const pinned = typeof d.attributes.host_id === 'string';
    if (vm && !pinned && !hasGroup(planned)) continue;
    if (d.type === 'nssv_scheduling_group' && typeof planned.id === 'string') groups.set(planned.id, planned);
    nodes.set(d.address, { address: d.address, type: d.type, desired: d, planned, deps: [], notes: [] });
  }
  const facts = new Map<string, HostFacts>();
  const running = new Map<string, { host: string; power: string }>();
  const declared = new Map(
    [...nodes.values()]
      .filter((n) => n.type === 'nssv_host')
      .map((n) => [String(n.planned!.name), n.planned!]),
  );
  for (const h of [...s.hosts.values()].sort((a, b) => (a.host < b.host ? -1 : 1))) {
    const inv = await s.ctx.inventory(h.host);
    const host = declared.get(h.host);
    // A host of the provider's configuration that no nssv_host block declares is a candidate too.
    if (!host) {
      const address = `nssv_host.${h.host}`;
      nodes.set(address, {
        address,
        type: 'nssv_host',
        planned: { name: h.host, cluster_id: h.cluster },
        deps: [],
        notes: [],
      });
    }
    const labels =
      host?.labels && typeof host.labels === 'object' ? (host.labels as Record<string, string>) : {};
    facts.set(h.host, {
      name: h.host,
      cluster: h.cluster,
      address: `nssv_host.${h.host}`,
      cpus: inv.host.cpus,
      memoryMiB: inv.host.memoryMiB,
      maintenance: host?.maintenance === true,
      labels,
    });
    for (const d of inv.domains)
      if (d.address === `nssv_vm.${d.name}`) running.set(d.name, { host: h.host, power: d.powerState });
  }
  for (const n of nodes.values()) {
    if (n.type !== 'nssv_vm') continue;
    const there = running.get(String(n.planned!.name));
    if (!there || typeof n.desired!.attributes.host_id === 'string') continue;
    n.planned!.host_id = there.host;
    n.live = { ...n.planned!, power_state: there.power };
  }
  const ctx: PlanContext = {
    mode: 'normal',
    nodes,
    hostFacts: facts,
    lostHosts: new Set(),
    diagnostics: [],
    changes: [],
    steps: [],
    barriers: {},
  };
  place(ctx);
  for (const n of nodes.values()) {
    if (n.type !== 'nssv_vm' || !hasGroup(n.planned!)) continue;
    const host = n.planned!.host_id;
    vms.set(String(n.planned!.name), {
      address: n.address,
      planned: n.planned!,
      ...(typeof host === 'string' && !isUnknown(host) ? { host } : {}),
      ...(n.notes.length > 0 ? { why: n.notes.join('; ') } : {}),
      diagnostics: ctx.diagnostics.filter((d) => d.address === n.address && PLACEMENT_CODES.has(d.code)),
    });
  }
  return { dir, vms, groups };
}
