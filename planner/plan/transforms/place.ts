import { capacityOf, freeMemoryMiB, type HostCapacity } from '../../schedule/capacity.js';
import { Occupancy } from '../../schedule/occupancy.js';
import { labelMismatch, stringMap } from '../../schedule/labels.js';
import { ruleViolation } from '../../schedule/ruleViolation.js';
import { ruleLabel } from '../../schedule/rule.js';
import { scheduleVm } from '../../schedule/scheduleVm.js';
import { schedulingRules } from '../schedulingRules.js';
import { isUnknown, unknownValue, type Attributes } from '../../../core/values.js';
import { knownNumber, planning } from '../../../schemas/typed.js';
import { desiredNodes, type PlanContext, type PlanNode } from '../context.js';
import { checkHostPin } from '../checks/hostPin.js';
import { checkNicReach, type PortGroupReach } from '../checks/nicReach.js';
import { poolClusterOfVolume, poolKindOfVolume } from './deriveVolumeFacts.js';
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
  const moving = new Map<string, string>();
  const crowded = crowdedOut(vms, rules);
  const hosts = desiredNodes(ctx, 'nssv_host');
  const declared = new Set(hosts.map((h) => String(h.planned!.name)));
  for (const vm of vms) {
    const host = vm.planned!.host_id;
    const leave =
      typeof host === 'string' && vm.live
        ? ctx.lostHosts.has(host)
          ? haRestart(ctx, vm, host, volumes)
          : (mustLeave(ctx, vm, host, rules, declared) ?? crowded.get(vm.address))
        : undefined;
    if (leave !== undefined) {
      // A running VM its host can no longer keep is scheduled afresh: a migrate (issue 11).
      moving.set(vm.address, leave);
      vm.planned!.host_id = unknownValue;
      unplaced.push(vm);
    } else if (typeof host !== 'string') unplaced.push(vm);
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
  const byCluster = new Map<string, HostCapacity[]>();
  for (const c of [...capacities.values()].sort((a, b) => (a.host.name < b.host.name ? -1 : 1))) {
    if (!declared.has(c.host.name)) continue;
    const list = byCluster.get(c.host.cluster);
    if (list) list.push(c);
    else byCluster.set(c.host.cluster, [c]);
  }
  // The first declared host of each cluster whose agent did not answer.
  const factsMissing = new Map<string, string>();
  for (const h of hosts) {
    const [cluster, name] = [String(h.planned!.cluster_id), String(h.planned!.name)];
    if (!ctx.hostFacts.has(name) && !ctx.lostHosts.has(name) && !factsMissing.has(cluster))
      factsMissing.set(cluster, name);
  }
  const env = { volumes, factsMissing, byCluster, rules, occupancy, claim, declared };
  for (const vm of unplaced) placeVm(ctx, vm, env, moving.get(vm.address));
  // Each declared host's cluster, by host name.
  const known = new Map(
    hosts.map((h) => {
      const cluster = h.planned!.cluster_id;
      return [String(h.planned!.name), typeof cluster === 'string' ? cluster : undefined] as const;
    }),
  );
  for (const vm of vms) checkPin(ctx, vm, known);
  placeVolumes(ctx, vms, volumes);
  checkVolumeHosts(ctx, volumes, new Set(known.keys()));
  checkNetworks(ctx, vms);
}

/** Each NIC's port group must exist on the VM's host (its switch must span the VM's cluster). */
function checkNetworks(ctx: PlanContext, vms: PlanNode[]): void {
  const groups = new Map(
    desiredNodes(ctx, 'nssv_port_group').map((g) => [String(g.planned!.id), g.planned!]),
  );
  // Once per port group: 10,000 VMs on a switch spanning 1,000 hosts made a scan per NIC quadratic.
  const reaches = new Map<string, PortGroupReach | undefined>();
  const reachOf = (id: string): PortGroupReach | undefined => {
    if (reaches.has(id)) return reaches.get(id);
    const pg = groups.get(id);
    const hosts = pg && Array.isArray(pg.host_ids) ? new Set(pg.host_ids as string[]) : undefined;
    const reach = pg && {
      name: String(pg.id),
      switchName: String(pg.switch_id),
      ...(hosts ? { hosts } : {}),
    };
    reaches.set(id, reach);
    return reach;
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
  /** The names of the hosts the configuration declares. */
  declared: ReadonlySet<string>;
}

/**
 * Running VMs, not pinned by the configuration, that break their mandatory VM rule (say, after
 * the group became mandatory): one sharing a host with an earlier VM (by address) of its
 * anti-affinity group, or one away from the first VM of its affinity group. Each must move.
 */
function crowdedOut(
  vms: readonly PlanNode[],
  rules: ReturnType<typeof schedulingRules>,
): Map<string, string> {
  const first = new Map<string, string>();
  const out = new Map<string, string>();
  if (rules.size === 0) return out;
  const running = vms
    .filter((vm) => vm.live && typeof vm.planned!.host_id === 'string')
    .sort((a, b) => (a.address < b.address ? -1 : 1));
  for (const vm of running) {
    const group = vm.planned!.scheduling_group_id;
    const rule = typeof group === 'string' ? rules.get(group) : undefined;
    if (rule?.mode !== 'mandatory') continue;
    const host = vm.planned!.host_id as string;
    if (rule.policy === 'vm-affinity') {
      // Together: the group's first VM (by address) stays; one elsewhere joins it.
      const anchor = first.get(rule.name);
      if (anchor === undefined) first.set(rule.name, `${vm.address}\u0000${host}`);
      else if (anchor.split('\u0000')[1] !== host && typeof vm.desired?.attributes.host_id !== 'string') {
        const [holder, there] = anchor.split('\u0000');
        out.set(
          vm.address,
          `${host} breaks mandatory ${ruleLabel(rule)}: ${holder} of the group runs on ${there}`,
        );
      }
      continue;
    }
    if (rule.policy !== 'vm-anti-affinity') continue;
    const key = `${rule.name}\u0000${host}`;
    const holder = first.get(key);
    if (holder === undefined) first.set(key, vm.address);
    else if (typeof vm.desired?.attributes.host_id !== 'string')
      out.set(vm.address, `${host} also runs ${holder} of mandatory ${ruleLabel(rule)}`);
  }
  return out;
}

/** Whether a value is an object with at least one entry. */
function hasEntries(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  for (const _ in value) return true;
  return false;
}

/**
 * Why a running VM, not pinned by the configuration, cannot stay on its host: the host is
 * removed from the configuration or in maintenance, lacks one of the VM's host_labels, or breaks
 * its mandatory VM–host rule.
 */
function mustLeave(
  ctx: PlanContext,
  vm: PlanNode,
  host: string,
  rules: ReturnType<typeof schedulingRules>,
  declared: ReadonlySet<string>,
): string | undefined {
  if (typeof vm.desired?.attributes.host_id === 'string') return undefined;
  // A host removed from the configuration is drained like one in maintenance: a running VM's
  // dir-pool disks go along with its live migration (a shut-off VM's cannot: a plan error).
  if (!declared.has(host)) return `${host} is removed from the configuration`;
  const facts = ctx.hostFacts.get(host);
  if (!facts) return undefined;
  if (facts.maintenance) return `${host} is in maintenance`;
  const want = vm.planned!.host_labels;
  // No selector (an empty map, the default): every host matches.
  const labels = hasEntries(want) ? labelMismatch(stringMap(want), facts.labels) : undefined;
  if (labels !== undefined) return `${host} ${labels}`;
  const group = vm.planned!.scheduling_group_id;
  const rule = typeof group === 'string' ? rules.get(group) : undefined;
  if (rule?.mode !== 'mandatory' || rule.hostGroup === undefined) return undefined;
  if (rule.policy !== 'vm-host-affinity' && rule.policy !== 'vm-host-anti-affinity') return undefined;
  const broken = ruleViolation(rule, host, new Occupancy());
  return broken === undefined ? undefined : `${host} breaks mandatory ${ruleLabel(rule)} (${broken})`;
}

/**
 * Why a VM on a host taken as failed moves: it has ha_enabled, is not pinned by the
 * configuration, and all its disks are on shared (rbd) storage — an HA restart. Otherwise it
 * stays where the state records it (a warning says why, for an HA VM on local storage).
 */
function haRestart(
  ctx: PlanContext,
  vm: PlanNode,
  host: string,
  volumes: ReadonlyMap<string, PlanNode>,
): string | undefined {
  if (vm.planned!.ha_enabled !== true || typeof vm.desired?.attributes.host_id === 'string') return undefined;
  const local = volumeIds(vm.planned!).find((id) => {
    const v = volumes.get(id);
    return v !== undefined && !isShared(ctx, v);
  });
  if (local !== undefined) {
    ctx.diagnostics.push(planErrors.haNeedsSharedStorage(vm.address, host, volumes.get(local)!.address));
    return undefined;
  }
  return `${host} does not answer: HA restarts the VM on another host (its old copy is fenced)`;
}

function placeVm(ctx: PlanContext, vm: PlanNode, env: PlaceEnv, leaving?: string): void {
  const p = vm.planned!;
  if (isUnknown(p.cluster_id)) return;
  const cluster = String(p.cluster_id);
  // A dir-pool volume that already lives somewhere pins the VM to that host (rbd is shared),
  // unless the running VM must leave: its live migration copies the volume along.
  // A removed host keeps nothing: a shut-off VM's local disk is refused when it would move
  // (NSSV_LOCAL_DISK_COLD_MOVE), not pinned to a host that is going away.
  const copiesAlong =
    leaving !== undefined &&
    (vm.live?.power_state === 'running' || !env.declared.has(String(vm.live?.host_id))) &&
    !ctx.lostHosts.has(String(vm.live?.host_id));
  const volumeHost = copiesAlong
    ? undefined
    : volumeIds(p)
        .map((id) => env.volumes.get(id))
        .filter((v) => v !== undefined && !isShared(ctx, v))
        .map((v) => v!.planned?.host_id)
        .find((h): h is string => typeof h === 'string');
  const missing = env.factsMissing.get(cluster);
  if (missing !== undefined) {
    ctx.diagnostics.push(planErrors.hostFactsMissing(vm.address, missing));
    return;
  }
  const group = p.scheduling_group_id;
  const rule = typeof group === 'string' ? env.rules.get(group) : undefined;
  const hosts = env.byCluster.get(cluster) ?? [];
  const hostLabels = stringMap(p.host_labels);
  const choice = scheduleVm(
    hosts,
    { demand: demand(p), rule, volumeHost, ...(Object.keys(hostLabels).length > 0 ? { hostLabels } : {}) },
    env.occupancy,
  );
  if (!choice.ok) {
    const hostsWhy = choice.rejections.map((r) => `${r.host}: ${r.why}`).join('; ');
    const why =
      leaving === undefined ? hostsWhy : `it must leave (${leaving}) and no host takes it: ${hostsWhy}`;
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
  if (leaving !== undefined) vm.notes.push(leaving);
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
  ctx.diagnostics.push(
    ...checkHostPin({ address: vm.address, cluster: p.cluster_id, host: p.host_id, range }, known),
  );
}

/** A kept rbd volume is managed through its host's agent: that host must stay declared. */
function checkVolumeHosts(
  ctx: PlanContext,
  volumes: Map<string, PlanNode>,
  declared: ReadonlySet<string>,
): void {
  for (const vol of volumes.values()) {
    const host = vol.planned!.host_id;
    if (!vol.live || typeof host !== 'string' || declared.has(host) || !isShared(ctx, vol)) continue;
    ctx.diagnostics.push(planErrors.volumeHostRemoved(vol.address, host, vol.desired?.range));
  }
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
    // Its pool (so its kind) stays what it is while its host is decided: looked up once.
    const shared = poolKindOfVolume(ctx, v) === 'rbd';
    const follows = shared && vol.desired?.attributes.host_id === undefined;
    if (follows && firstUser && firstUser.planned!.host_id !== undefined)
      v.host_id = firstUser.planned!.host_id;
    if (typeof v.host_id !== 'string' || isUnknown(v.host_id)) {
      if (!firstUser && shared) {
        manageRbdVolume(ctx, vol);
        continue;
      }
      if (!firstUser) {
        ctx.diagnostics.push(planErrors.volumeUnplaced(vol.address, vol.desired?.range));
        continue;
      }
      v.host_id = firstUser.planned!.host_id ?? unknownValue;
      if (typeof v.host_id === 'string') vol.notes.push(`on ${v.host_id}, the host of ${firstUser.address}`);
    }
    // An rbd volume is reachable from every host: its host_id only names the agent managing it.
    if (shared) continue;
    if (users.length === 1 && followLiveMove(ctx, vol, users[0]!) === 'refused') continue;
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

/**
 * An rbd volume no VM attaches and the configuration does not pin: any host of its pool's cluster
 * reaches it, so the agent of the first one by name that is not in maintenance manages it.
 */
function manageRbdVolume(ctx: PlanContext, vol: PlanNode): void {
  const cluster = poolClusterOfVolume(ctx, vol.planned!);
  const manager = [...ctx.hostFacts.values()]
    .filter((h) => cluster !== undefined && h.cluster === cluster && !h.maintenance)
    .map((h) => h.name)
    .sort()[0];
  if (manager === undefined) {
    ctx.diagnostics.push(planErrors.rbdVolumeUnmanaged(vol.address, cluster, vol.desired?.range));
    return;
  }
  vol.planned!.host_id = manager;
  vol.notes.push(`managed by the agent of ${manager}, the first host of cluster ${cluster}`);
}

/**
 * A dir-pool volume whose VM moves to another host goes with it when the configuration does not
 * pin the volume: the VM's live migration copies it there (issue 11). A shut-off VM's local disk
 * is not copied (libvirt copies storage only live), nor a volume with snapshots (the copy
 * carries only the disk's current data): both are plan errors.
 */
function followLiveMove(ctx: PlanContext, vol: PlanNode, vm: PlanNode): 'moved' | 'refused' | undefined {
  const v = vol.planned!;
  const [from, to] = [v.host_id, vm.planned!.host_id];
  if (!vol.live || !vm.live || vol.desired?.attributes.host_id !== undefined) return undefined;
  if (typeof from !== 'string' || typeof to !== 'string' || from === to || vm.live.host_id !== from)
    return undefined;
  if (ctx.lostHosts.has(from)) return undefined;
  const range = vm.desired?.attributeRanges.host_id ?? vm.desired?.range;
  const removed = !desiredNodes(ctx, 'nssv_host').some((h) => h.planned!.name === from);
  if (vm.live.power_state !== 'running') {
    ctx.diagnostics.push(planErrors.localDiskColdMove(vm.address, vol.address, from, to, range, removed));
    return 'refused';
  }
  const snapshot = desiredNodes(ctx, 'nssv_volume_snapshot').find((s) => s.planned!.volume_id === v.id);
  if (snapshot) {
    ctx.diagnostics.push(
      planErrors.localDiskSnapshotMove(vm.address, vol.address, snapshot.address, from, to, range, removed),
    );
    return 'refused';
  }
  v.host_id = to;
  vol.movesWith = vm.address;
  vol.notes.push(`moves to ${to} with ${vm.address}: its live migration copies the disk`);
  return 'moved';
}

/** A volume of an rbd pool: shared storage, every host of the cluster reaches it through Ceph. */
function isShared(ctx: PlanContext, volume: PlanNode): boolean {
  return volume.planned !== undefined && poolKindOfVolume(ctx, volume.planned) === 'rbd';
}
