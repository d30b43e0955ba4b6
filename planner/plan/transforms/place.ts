import { capacityOf, freeMemoryMiB, type HostCapacity } from '../../schedule/capacity.js';
import { Occupancy } from '../../schedule/occupancy.js';
import { ruleViolation } from '../../schedule/ruleViolation.js';
import { scheduleVm } from '../../schedule/scheduleVm.js';
import { schedulingRules } from '../schedulingRules.js';
import { isUnknown, unknownValue, type Attributes } from '../../../core/values.js';
import { knownNumber, planning } from '../../../schemas/typed.js';
import { desiredNodes, type PlanContext, type PlanNode } from '../context.js';
import { checkHostPin } from '../checks/hostPin.js';
import { checkNicReach } from '../checks/nicReach.js';
import { poolKindOfVolume } from './deriveVolumeFacts.js';
import { planErrors } from '../errors.js';

const vmOf = (a: Attributes) => planning('nssv_vm', a);
const volumeIds = (a: Attributes): string[] => {
  const disks = vmOf(a).disk;
  return (Array.isArray(disks) ? disks : [])
    .map((d) => d.volume_id)
    .filter((v): v is string => typeof v === 'string');
};
/** What a VM asks of its host; unknown values count as nothing until apply. */
const demand = (a: Attributes) => ({
  memoryMiB: knownNumber(vmOf(a).memory_mib, 0),
  vcpus: knownNumber(vmOf(a).vcpus, 0),
});

/**
 * Chooses a host for every VM that has none (low-load first within its cluster, overcommit
 * applied), then puts each dir-pool volume on the host of the VM that attaches it.
 */
export function place(ctx: PlanContext): void {
  const vms = desiredNodes(ctx, 'nssv_vm');
  const volumes = new Map(desiredNodes(ctx, 'nssv_volume').map((v) => [String(v.planned!.id), v]));
  const capacities = buildCapacities(ctx);
  const rules = schedulingRules(ctx);
  const occupancy = new Occupancy();

  const claim = (host: string, vm: Attributes, address: string): void => {
    const group = vm.scheduling_group_id;
    occupancy.add(host, address, typeof group === 'string' ? group : undefined);
    const c = capacities.get(host);
    if (!c) return;
    const need = demand(vm);
    c.usedMemoryMiB += need.memoryMiB;
    c.usedVcpus += need.vcpus;
  };
  // VMs that already run somewhere hold their share first, then new VMs pinned by the user.
  const unplaced: PlanNode[] = [];
  const pinned: PlanNode[] = [];
  for (const vm of vms) {
    const host = vm.planned!.host_id;
    if (typeof host !== 'string') unplaced.push(vm);
    else if (vm.live) claim(host, vm.planned!, vm.address);
    else pinned.push(vm);
  }
  for (const vm of pinned) {
    const c = capacities.get(vm.planned!.host_id as string);
    const { memoryMiB: needMiB, vcpus: needVcpus } = demand(vm.planned!);
    if (c && (freeMemoryMiB(c) < needMiB || c.vcpus - c.usedVcpus < needVcpus)) {
      ctx.diagnostics.push(
        planErrors.pinnedHostFull(
          vm.address,
          c.host.name,
          freeMemoryMiB(c),
          c.vcpus - c.usedVcpus,
          needMiB,
          needVcpus,
          vm.desired?.attributeRanges.host_id ?? vm.desired?.range,
        ),
      );
    }
    checkPinnedRule(ctx, vm, rules, occupancy);
    claim(vm.planned!.host_id as string, vm.planned!, vm.address);
  }
  const hosts = desiredNodes(ctx, 'nssv_host');
  const byCluster = new Map<string, HostCapacity[]>();
  for (const c of [...capacities.values()].sort((a, b) => (a.host.name < b.host.name ? -1 : 1))) {
    byCluster.set(c.host.cluster, [...(byCluster.get(c.host.cluster) ?? []), c]);
  }
  // The first declared host of each cluster whose agent did not answer.
  const factsMissing = new Map<string, string>();
  for (const h of hosts) {
    const [cluster, name] = [String(h.planned!.cluster_id), String(h.planned!.name)];
    if (!ctx.hostFacts.has(name) && !factsMissing.has(cluster)) factsMissing.set(cluster, name);
  }
  const env = { volumes, factsMissing, byCluster, rules, occupancy, claim };
  for (const vm of unplaced) placeVm(ctx, vm, env);
  // Each declared host's cluster, by host name.
  const known = new Map(
    hosts.map((h) => {
      const cluster = h.planned!.cluster_id;
      return [String(h.planned!.name), typeof cluster === 'string' ? cluster : undefined] as const;
    }),
  );
  for (const vm of vms) checkPin(ctx, vm, known);
  placeVolumes(ctx, vms, volumes);
  checkNetworks(ctx, vms);
}

/** Each NIC's port group must exist on the VM's host (its switch must span the VM's cluster). */
function checkNetworks(ctx: PlanContext, vms: PlanNode[]): void {
  const groups = new Map(
    desiredNodes(ctx, 'nssv_port_group').map((g) => [String(g.planned!.id), g.planned!]),
  );
  const reachOf = (id: string) => {
    const pg = groups.get(id);
    if (!pg) return undefined;
    const hosts = Array.isArray(pg.host_ids) ? (pg.host_ids as string[]) : undefined;
    return { name: String(pg.id), switchName: String(pg.switch_id), ...(hosts ? { hosts } : {}) };
  };
  for (const vm of vms) {
    const p = vm.planned!;
    if (typeof p.host_id !== 'string') continue;
    const nics = Array.isArray(p.nic) ? (p.nic as Attributes[]) : [];
    const range = (i: number) => vm.desired?.attributeRanges[`nic[${i}].port_group_id`] ?? vm.desired?.range;
    const owner = { address: vm.address, cluster: String(p.cluster_id), host: p.host_id, nics, range };
    ctx.diagnostics.push(...checkNicReach(owner, reachOf));
  }
}

function buildCapacities(ctx: PlanContext): Map<string, HostCapacity> {
  const clusters = new Map(desiredNodes(ctx, 'nssv_cluster').map((c) => [String(c.planned!.id), c.planned!]));
  const out = new Map<string, HostCapacity>();
  for (const facts of ctx.hostFacts.values()) {
    const found = clusters.get(facts.cluster);
    const cluster = found ? planning('nssv_cluster', found) : {};
    out.set(
      facts.name,
      capacityOf(
        facts,
        knownNumber(cluster.memory_overcommit_ratio, 1),
        knownNumber(cluster.cpu_overcommit_ratio, 1),
      ),
    );
  }
  return out;
}

interface PlaceEnv {
  volumes: Map<string, PlanNode>;
  factsMissing: Map<string, string>;
  /** Each cluster's host capacities, by host name. */
  byCluster: Map<string, HostCapacity[]>;
  rules: ReturnType<typeof schedulingRules>;
  occupancy: Occupancy;
  claim: (host: string, vm: Attributes, address: string) => void;
}

function placeVm(ctx: PlanContext, vm: PlanNode, env: PlaceEnv): void {
  const p = vm.planned!;
  if (isUnknown(p.cluster_id)) return;
  const cluster = String(p.cluster_id);
  // A volume that already lives somewhere pins the VM to that host.
  const volumeHost = volumeIds(p)
    .map((id) => env.volumes.get(id)?.planned)
    .filter((v) => v !== undefined && poolKindOfVolume(ctx, v) !== 'rbd')
    .map((v) => v!.host_id)
    .find((h): h is string => typeof h === 'string');
  const missing = env.factsMissing.get(cluster);
  if (missing !== undefined) {
    ctx.diagnostics.push(planErrors.hostFactsMissing(vm.address, missing));
    return;
  }
  const group = p.scheduling_group_id;
  const rule = typeof group === 'string' ? env.rules.get(group) : undefined;
  const hosts = env.byCluster.get(cluster) ?? [];
  const choice = scheduleVm(hosts, { demand: demand(p), rule, volumeHost }, env.occupancy);
  if (!choice.ok) {
    const why = choice.rejections.map((r) => `${r.host}: ${r.why}`).join('; ');
    ctx.diagnostics.push(
      rule?.mode === 'mandatory' && choice.rejections.some((r) => r.byRule)
        ? planErrors.schedulingRuleFailed(vm.address, rule, cluster, why, vm.desired?.range)
        : planErrors.placementFailed(
            vm.address,
            cluster,
            hosts.length === 0 ? 'the cluster has no host' : why,
            vm.desired?.range,
          ),
    );
    return;
  }
  p.host_id = choice.host.host.name;
  vm.notes.push(`host: ${choice.host.host.name} (${choice.why})`);
  env.claim(choice.host.host.name, p, vm.address);
}

/** A new VM pinned with host_id must keep its mandatory rule too. */
function checkPinnedRule(
  ctx: PlanContext,
  vm: PlanNode,
  rules: ReturnType<typeof schedulingRules>,
  placed: Occupancy,
): void {
  const p = vm.planned!;
  const rule = typeof p.scheduling_group_id === 'string' ? rules.get(p.scheduling_group_id) : undefined;
  const host = p.host_id as string;
  const broken = rule?.mode === 'mandatory' ? ruleViolation(rule, host, placed) : undefined;
  if (!rule || broken === undefined) return;
  const range = vm.desired?.attributeRanges.host_id ?? vm.desired?.range;
  ctx.diagnostics.push(planErrors.pinnedHostBreaksRule(vm.address, host, rule, broken, range));
}

function checkPin(ctx: PlanContext, vm: PlanNode, known: ReadonlyMap<string, string | undefined>): void {
  const p = vm.planned!;
  if (typeof p.host_id !== 'string' || typeof p.cluster_id !== 'string') return;
  const range = vm.desired?.attributeRanges.host_id ?? vm.desired?.range;
  if (!known.has(p.host_id) && vm.live && vm.desired?.attributes.host_id === undefined) {
    ctx.diagnostics.push(planErrors.hostRemoved(vm.address, p.host_id, vm.desired?.range));
    return;
  }
  ctx.diagnostics.push(
    ...checkHostPin({ address: vm.address, cluster: p.cluster_id, host: p.host_id, range }, known),
  );
}

function placeVolumes(ctx: PlanContext, vms: PlanNode[], volumes: Map<string, PlanNode>): void {
  const usersOf = new Map<string, PlanNode[]>();
  for (const vm of vms) {
    for (const id of volumeIds(vm.planned!)) {
      const list = usersOf.get(id);
      if (list) list.push(vm);
      else usersOf.set(id, [vm]);
    }
  }
  for (const vol of volumes.values()) {
    const v = vol.planned!;
    const users = usersOf.get(String(v.id)) ?? [];
    if (users.length > 1) {
      ctx.diagnostics.push(
        planErrors.volumeShared(
          vol.address,
          users.map((u) => u.address),
          users[1]!.desired?.range,
        ),
      );
    }
    const firstUser = users[0];
    // An rbd volume is reachable from every host: it follows its VM unless pinned.
    const follows = poolKindOfVolume(ctx, v) === 'rbd' && vol.desired?.attributes.host_id === undefined;
    if (follows && firstUser && firstUser.planned!.host_id !== undefined)
      v.host_id = firstUser.planned!.host_id;
    if (typeof v.host_id !== 'string' || isUnknown(v.host_id)) {
      if (!firstUser) {
        ctx.diagnostics.push(planErrors.volumeUnplaced(vol.address, vol.desired?.range));
        continue;
      }
      v.host_id = firstUser.planned!.host_id ?? unknownValue;
      if (typeof v.host_id === 'string') vol.notes.push(`on ${v.host_id}, the host of ${firstUser.address}`);
    }
    for (const vm of users) {
      const vmHost = vm.planned!.host_id;
      if (typeof vmHost === 'string' && typeof v.host_id === 'string' && vmHost !== v.host_id) {
        ctx.diagnostics.push(
          planErrors.volumeHostConflict(vol.address, v.host_id, vm.address, vmHost, vol.desired?.range),
        );
      }
    }
  }
}
