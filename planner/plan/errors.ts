import { ruleLabel, type Rule } from '../schedule/rule.js';
import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';

/** A located plan error (the shape every planner error shares). */
export function planError(
  code: string,
  address: string,
  summary: string,
  detail: string,
  range?: SourceRange,
  attribute?: string,
): Diagnostic {
  return {
    severity: 'error',
    code,
    address,
    summary,
    detail,
    ...(range ? { range } : {}),
    ...(attribute ? { attribute } : {}),
  };
}
const error = planError;

/** A VM cannot `go` ("run on host …") without breaking a mandatory scheduling rule. */
function ruleFailed(
  address: string,
  go: string,
  rule: Rule,
  why: string,
  fix: string,
  range: SourceRange | undefined,
): Diagnostic {
  return error(
    'NSSV_SCHEDULING_RULE_FAILED',
    address,
    `${address} cannot ${go} by mandatory ${ruleLabel(rule)}: ${why}`,
    `Fix: ${fix}`,
    range,
  );
}

export const planErrors = {
  placementFailed: (address: string, cluster: string, why: string, range?: SourceRange): Diagnostic =>
    error(
      'NSSV_PLACEMENT_FAILED',
      address,
      `${address} cannot be placed in cluster "${cluster}": ${why}`,
      "Overcommit ratios of the cluster are included. Fix: lower memory_mib or vcpus, raise the cluster's overcommit ratios, add a host to the cluster, or take a host out of maintenance.",
      range,
    ),
  schedulingRuleFailed: (
    address: string,
    rule: Rule,
    cluster: string,
    why: string,
    range?: SourceRange,
  ): Diagnostic =>
    ruleFailed(
      address,
      `be placed in cluster "${cluster}"`,
      rule,
      why,
      `add a host to the cluster${rule.hostGroup && rule.policy === 'vm-host-affinity' ? ` or to host group "${rule.hostGroup.name}"` : ''}, free capacity, take a host out of maintenance, or set mode = "preferred" on nssv_scheduling_group "${rule.name}" so the scheduler may relax it.`,
      range,
    ),
  pinnedHostBreaksRule: (address: string, host: string, rule: Rule, why: string, range?: SourceRange) =>
    ruleFailed(
      address,
      `run on host "${host}" (host_id)`,
      rule,
      why,
      `pin another host, drop host_id and let nssv place the VM, or set mode = "preferred" on nssv_scheduling_group "${rule.name}".`,
      range,
    ),
  pinnedHostFull: (
    address: string,
    host: string,
    freeMiB: number,
    freeVcpus: number,
    needMiB: number,
    needVcpus: number,
    range?: SourceRange,
  ): Diagnostic =>
    error(
      'NSSV_PLACEMENT_FAILED',
      address,
      `${address} cannot run on host "${host}" (host_id): it has ${freeMiB} MiB and ${freeVcpus} vCPUs free, the VM needs ${needMiB} MiB and ${needVcpus} vCPUs`,
      'Overcommit ratios of the cluster are included. Fix: lower memory_mib or vcpus, pin another host, or drop host_id and let nssv place the VM.',
      range,
      'host_id',
    ),
  /** A volume's pool and its source image's storage are of different kinds (dir, rbd). */
  imageStorageKind: (
    address: string,
    pool: { name: string; kind: string },
    image: { name: string; storage: string; storageKind: string },
    range?: SourceRange,
  ): Diagnostic =>
    error(
      'NSSV_VOLUME_IMAGE_STORAGE_KIND',
      address,
      `${address}: source_image_id = "${image.name}" is in ${image.storageKind} image storage "${image.storage}", but pool "${pool.name}" is ${pool.kind === 'rbd' ? 'an' : 'a'} ${pool.kind} pool`,
      `A volume made from an image is in the same kind of storage as the image: a dir pool's volumes come from images of a dir image storage (qcow2 overlays on, or copies of, the image file), an rbd pool's volumes are rbd clones of images of an rbd image storage. Fix: ${
        pool.kind === 'dir'
          ? `put the volume in an rbd pool, or use an image of a dir image storage`
          : `put the volume in a dir pool, or use an image of an rbd image storage`
      }.`,
      range,
      'source_image_id',
    ),
  volumeShared: (address: string, vms: string[], range?: SourceRange): Diagnostic =>
    error(
      'NSSV_VOLUME_SHARED',
      address,
      `${address} is attached to ${vms.join(' and ')}; a volume can be attached to one VM at a time`,
      `Two guests writing one disk image corrupt it, and QEMU refuses to open a locked image. Fix: give ${vms[1]} its own volume.`,
      range,
    ),
  /** A NIC's port group is not where the VM is: not on its host (`host` given) or its cluster. */
  portGroupNotReached: (
    address: string,
    nic: number,
    pg: string,
    sw: string,
    vm: { cluster: string; host?: string },
    range?: SourceRange,
  ): Diagnostic =>
    error(
      'NSSV_PORT_GROUP_NOT_ON_HOST',
      address,
      `${address}: nic[${nic}].port_group_id = "${pg}" belongs to switch "${sw}", which ${
        vm.host !== undefined
          ? `does not reach host "${vm.host}" of the VM's cluster "${vm.cluster}"`
          : `does not span the VM's cluster "${vm.cluster}"`
      }`,
      `A distributed switch exists only on the hosts of its clusters. Fix: ${
        vm.host !== undefined
          ? `add the VM's cluster to cluster_ids of switch "${sw}", or use a port group of a switch that spans cluster "${vm.cluster}".`
          : `add cluster "${vm.cluster}" to cluster_ids of switch "${sw}", or use a port group of a switch that spans it.`
      }`,
      range,
      `nic[${nic}].port_group_id`,
    ),
  unknownHost: (
    address: string,
    attribute: string,
    host: string,
    known: string[],
    range?: SourceRange,
  ): Diagnostic =>
    error(
      'NSSV_UNKNOWN_HOST',
      address,
      `${address}: ${attribute} = "${host}" names no declared host`,
      `Declared hosts: ${known.length ? known.map((h) => `"${h}"`).join(', ') : '(none)'}. Fix: use one of them, or declare an nssv_host with name = "${host}".`,
      range,
      attribute,
    ),
  hostNotInCluster: (
    address: string,
    host: string,
    hostCluster: string,
    cluster: string,
    range?: SourceRange,
  ): Diagnostic =>
    error(
      'NSSV_HOST_NOT_IN_CLUSTER',
      address,
      `${address}: host_id = "${host}" is in cluster "${hostCluster}", not in the VM's cluster "${cluster}"`,
      `Fix: pin the VM to a host of cluster "${cluster}", or set cluster_id = "${hostCluster}".`,
      range,
      'host_id',
    ),
  hostFactsMissing: (address: string, host: string): Diagnostic =>
    error(
      'NSSV_HOST_FACTS_MISSING',
      address,
      `${address} cannot be placed: host "${host}" did not report its capacity`,
      'Its agent could not be reached while planning (see the error above). Fix the agent or its endpoint, then plan again.',
    ),
  volumeUnplaced: (address: string, range?: SourceRange): Diagnostic =>
    error(
      'NSSV_VOLUME_UNPLACED',
      address,
      `${address} is in a dir pool but is attached to no VM and has no host_id`,
      'A dir pool is local storage: each volume lives on one host. Fix: attach the volume to a VM (disk { volume_id = … }) or set host_id.',
      range,
      'host_id',
    ),
  rbdVolumeUnmanaged: (address: string, cluster: string | undefined, range?: SourceRange): Diagnostic => {
    const which = cluster === undefined ? "its pool's cluster" : `cluster "${cluster}"`;
    return error(
      'NSSV_RBD_VOLUME_UNMANAGED',
      address,
      `${address} is in an rbd pool, but ${which} has no host to manage it`,
      `An rbd volume that no VM attaches is managed by the agent of a host of its pool's cluster that is not in maintenance; ${which} has none that answered. Fix: declare a host in ${which} (or take one out of maintenance), attach the volume to a VM, or set host_id.`,
      range,
      'host_id',
    );
  },
  localDiskColdMove: (
    address: string,
    volume: string,
    from: string,
    to: string,
    range?: SourceRange,
    fromRemoved = false,
  ): Diagnostic =>
    error(
      'NSSV_LOCAL_DISK_COLD_MOVE',
      address,
      `${address} is shut off and would move from "${from}" to "${to}", but its disk ${volume} is in a dir pool on "${from}"`,
      fromRemoved
        ? `libvirt copies a local disk only during a live migration, and the configuration no longer declares host "${from}". Fix: keep nssv_host "${from}", set power_state = "running" and apply, then remove the host; or remove ${address} and ${volume} first; or put the disk on an rbd pool.`
        : `libvirt copies a local disk only during a live migration. Fix: set power_state = "running" and apply, then move it; or keep it on "${from}"; or put the disk on an rbd pool.`,
      range,
      'host_id',
    ),
  localDiskSnapshotMove: (
    address: string,
    volume: string,
    snapshot: string,
    from: string,
    to: string,
    range?: SourceRange,
    fromRemoved = false,
  ): Diagnostic =>
    error(
      'NSSV_LOCAL_DISK_SNAPSHOT_MOVE',
      address,
      `${address} would move from "${from}" to "${to}", but its disk ${volume} (a dir pool on "${from}") has snapshot ${snapshot}`,
      `A live migration copies a local disk's current data, not its snapshots. Fix: remove ${snapshot} first and apply, or ${
        fromRemoved
          ? `keep nssv_host "${from}" (the configuration no longer declares it)`
          : `keep ${address} on "${from}"`
      }.`,
      range,
      'host_id',
    ),
  volumeHostConflict: (
    address: string,
    volumeHost: string,
    vm: string,
    vmHost: string,
    range?: SourceRange,
  ): Diagnostic =>
    error(
      'NSSV_VOLUME_HOST_CONFLICT',
      address,
      `${address} is on host "${volumeHost}" but ${vm}, which attaches it, runs on "${vmHost}"`,
      "A volume of a dir pool can only be attached to a VM on the same host. Fix: pin the VM to the volume's host, or use a new volume.",
      range,
    ),
  preventDestroy: (address: string, action: string, range?: SourceRange): Diagnostic =>
    error(
      'NSSV_PREVENT_DESTROY',
      address,
      `${address} has lifecycle.prevent_destroy = true, but this plan would ${action} it`,
      'Fix: remove prevent_destroy from its lifecycle block if destroying it is intended, or change the configuration so it is kept.',
      range,
    ),
  deletePolicyNever: (
    address: string,
    action: string,
    others: readonly string[],
    range?: SourceRange,
  ): Diagnostic =>
    error(
      'NSSV_DELETE_POLICY_NEVER',
      address,
      `${address} has delete_policy = "never", but this plan would ${action} it`,
      `Fix: set delete_policy = ${others
        .map((o) => (o === 'delayed' ? '"delayed" (kept in the trash, restorable)' : `"${o}"`))
        .join(
          ' or ',
        )} on ${address} and apply that first; or stop managing it, keeping its data, with \`nssv state rm ${address}\`.`,
      range,
    ),
  volumeShrink: (address: string, from: number, to: number, range?: SourceRange): Diagnostic =>
    error(
      'NSSV_VOLUME_SHRINK',
      address,
      `${address}: size_gib cannot shrink from ${from} to ${to}`,
      `Shrinking a disk destroys the data past the new end, so nssv refuses it. Fix: keep size_gib at ${from} or more, or create a new volume.`,
      range,
      'size_gib',
    ),
  haNeedsSharedStorage: (address: string, host: string, volume: string): Diagnostic => ({
    severity: 'warning',
    code: 'NSSV_HA_NEEDS_SHARED_STORAGE',
    address,
    summary: `${address} has ha_enabled, but cannot be restarted elsewhere: its disk ${volume} is in a dir pool of the lost host ${host}`,
    detail:
      'An HA restart starts the VM on another host from the same disks, so every disk must be on shared storage. Fix: put its volumes in an rbd pool; until then it stays on its host.',
  }),
  lostHostChange: (address: string, host: string, action: string): Diagnostic =>
    error(
      'NSSV_HOST_LOST_CHANGE',
      address,
      `${address} cannot be ${action}: its host ${host} does not answer`,
      `Nothing can change on a host whose agent is unreachable; nssv only restarts HA VMs elsewhere. Fix: bring host ${host} back, or leave ${address} as it is for now (-target the rest, or keep its configuration unchanged).`,
    ),
  volumeHostRemoved: (address: string, host: string, range?: SourceRange): Diagnostic =>
    error(
      'NSSV_VOLUME_HOST_REMOVED',
      address,
      `${address} is managed through the agent of host "${host}", which the configuration no longer declares`,
      `An rbd volume is reached through the agent of its host_id; moving that to another host is not supported yet. Fix: keep nssv_host "${host}" declared (in maintenance if it should take no VMs).`,
      range,
      'host_id',
    ),
};
