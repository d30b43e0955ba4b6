import type { Construct } from 'constructs';
import { NssvSchedulingGroup, type NssvSchedulingGroupConfig } from '../l1/nssv_scheduling_group.js';
import { NssvConstruct } from './base.js';
import type { Cluster } from './cluster.js';
import type { Host } from './host.js';
import { HostGroup } from './hostGroup.js';

export interface SchedulingGroupOptions {
  readonly cluster: Cluster;
  /** @default the construct id */
  readonly name?: string;
  /** mandatory (a VM that cannot follow the rule is not placed) or preferred. @default the schema's default */
  readonly mode?: NssvSchedulingGroupConfig['mode'];
  readonly description?: string;
}

export interface HostRuleOptions extends SchedulingGroupOptions {
  /** The hosts the VMs go to (onHosts) or stay away from (awayFrom); a host group is made for them. */
  readonly hosts: Host[];
}

/**
 * A placement rule for the VMs that join it (nssv_scheduling_group), applied by the scheduler at
 * plan time, mandatory or preferred. Through Terraform, a new VM in a group needs a pinned host.
 */
export class SchedulingGroup extends NssvConstruct<NssvSchedulingGroup> {
  /** Members run on different hosts (vm-anti-affinity). */
  public static spread(scope: Construct, id: string, options: SchedulingGroupOptions): SchedulingGroup {
    return new SchedulingGroup(scope, id, options, 'vm-anti-affinity');
  }

  /** Members run on one host (vm-affinity). */
  public static together(scope: Construct, id: string, options: SchedulingGroupOptions): SchedulingGroup {
    return new SchedulingGroup(scope, id, options, 'vm-affinity');
  }

  /** Members run on the given hosts (vm-host-affinity). */
  public static onHosts(scope: Construct, id: string, options: HostRuleOptions): SchedulingGroup {
    return new SchedulingGroup(scope, id, options, 'vm-host-affinity', options.hosts);
  }

  /** Members run anywhere but on the given hosts (vm-host-anti-affinity). */
  public static awayFrom(scope: Construct, id: string, options: HostRuleOptions): SchedulingGroup {
    return new SchedulingGroup(scope, id, options, 'vm-host-anti-affinity', options.hosts);
  }

  /** The host group made for onHosts()/awayFrom(). */
  public readonly hostGroup?: HostGroup;

  private constructor(
    scope: Construct,
    id: string,
    options: SchedulingGroupOptions,
    policy: NssvSchedulingGroupConfig['policy'],
    hosts?: Host[],
  ) {
    const name = options.name ?? id;
    let hostGroup: HostGroup | undefined;
    super(
      scope,
      id,
      (s) => {
        if (hosts)
          hostGroup = new HostGroup(s, 'Hosts', { cluster: options.cluster, hosts, name: `${name}-hosts` });
        return new NssvSchedulingGroup(s, 'Resource', {
          name,
          clusterId: options.cluster.clusterId,
          policy,
          mode: options.mode,
          hostGroupId: hostGroup?.hostGroupId,
          description: options.description,
        });
      },
      { cluster_id: 'cluster', host_group_id: 'hosts' },
    );
    this.hostGroup = hostGroup;
  }

  public get schedulingGroupId(): string {
    return this.refId;
  }
}
