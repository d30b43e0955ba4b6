import type { Construct } from 'constructs';
import { NssvHostGroup } from '../l1/nssv_host_group.js';
import { NssvConstruct } from './base.js';
import type { Cluster } from './cluster.js';
import type { Host } from './host.js';

export interface HostGroupProps {
  readonly cluster: Cluster;
  readonly hosts: Host[];
  /** @default the construct id */
  readonly name?: string;
  readonly description?: string;
}

/** A set of hosts for VM–host placement rules (nssv_host_group). */
export class HostGroup extends NssvConstruct<NssvHostGroup> {
  public constructor(scope: Construct, id: string, props: HostGroupProps) {
    super(
      scope,
      id,
      (s) =>
        new NssvHostGroup(s, 'Resource', {
          name: props.name ?? id,
          clusterId: props.cluster.clusterId,
          hostIds: props.hosts.map((h) => h.hostId),
          description: props.description,
        }),
      { cluster_id: 'cluster', host_ids: 'hosts' },
    );
  }

  public get hostGroupId(): string {
    return this.refId;
  }
}
