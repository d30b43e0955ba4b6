/** Which VMs each host runs, by scheduling group and by cluster, as placement proceeds. */
export class Occupancy {
  private readonly byGroup = new Map<string, Map<string, string[]>>();
  private readonly byCluster = new Map<string, number>();

  add(host: string, vm: string, group: string | undefined): void {
    this.byCluster.set(host, (this.byCluster.get(host) ?? 0) + 1);
    if (group === undefined) return;
    const hosts = this.byGroup.get(group) ?? new Map<string, string[]>();
    this.byGroup.set(group, hosts);
    hosts.set(host, [...(hosts.get(host) ?? []), vm]);
  }

  /** The group's VMs on `host` (addresses, in placement order). */
  groupVmsOn(group: string, host: string): readonly string[] {
    return this.byGroup.get(group)?.get(host) ?? [];
  }

  /** Hosts that run a VM of the group, sorted by name. */
  groupHosts(group: string): string[] {
    return [...(this.byGroup.get(group)?.keys() ?? [])].sort();
  }

  /** VMs nssv places on the host (one cluster's hosts are disjoint from another's). */
  vmsOn(host: string): number {
    return this.byCluster.get(host) ?? 0;
  }
}
