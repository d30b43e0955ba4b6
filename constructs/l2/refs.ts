/** What constructs need of the constructs they refer to (so a child need not import its parent's class). */

/** A data center: DataCenter, or one that exists. */
export interface IDataCenter {
  readonly dataCenterId: string;
}

/** A cluster: Cluster, or one that exists. */
export interface ICluster {
  readonly clusterId: string;
  /** The cluster's name (its id once applied). */
  readonly clusterName: string;
  readonly dataCenter: IDataCenter;
}

/** A distributed switch: DistributedSwitch, or one that exists. */
export interface IDistributedSwitch {
  readonly switchId: string;
}
