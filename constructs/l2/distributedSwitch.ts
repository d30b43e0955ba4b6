import type { Construct } from 'constructs';
import { NssvDistributedSwitch, type NssvDistributedSwitchConfig } from '../l1/nssv_distributed_switch.js';
import { NssvConstruct } from './base.js';
import type { Cluster } from './cluster.js';
import type { DataCenter } from './dataCenter.js';
import { PortGroup, type PortGroupOptions } from './portGroup.js';

export interface DistributedSwitchProps {
  readonly dataCenter: DataCenter;
  /** The clusters whose hosts get the switch (one OVS bridge on each). */
  readonly clusters: Cluster[];
  /** @default the construct id */
  readonly name?: string;
  readonly mtu?: number;
  readonly transport?: NssvDistributedSwitchConfig['transport'];
  readonly uplinks?: string[];
  readonly bondMode?: NssvDistributedSwitchConfig['bondMode'];
}

/** One OVS bridge on every host of its clusters (nssv_distributed_switch); port groups are its networks. */
export class DistributedSwitch extends NssvConstruct<NssvDistributedSwitch> {
  public constructor(scope: Construct, id: string, props: DistributedSwitchProps) {
    super(
      scope,
      id,
      (s) =>
        new NssvDistributedSwitch(s, 'Resource', {
          name: props.name ?? id,
          datacenterId: props.dataCenter.dataCenterId,
          clusterIds: props.clusters.map((c) => c.clusterId),
          mtu: props.mtu,
          transport: props.transport,
          uplinks: props.uplinks,
          bondMode: props.bondMode,
        }),
      { datacenter_id: 'dataCenter', cluster_ids: 'clusters' },
    );
  }

  public get switchId(): string {
    return this.refId;
  }

  /** Adds a port group (a child of this switch named `id`). */
  public addPortGroup(id: string, options: PortGroupOptions = {}): PortGroup {
    return new PortGroup(this, id, { ...options, switch: this });
  }
}
