import type { Construct } from 'constructs';
import { NssvCluster } from '../l1/nssv_cluster.js';
import { NssvConstruct } from './base.js';
import type { DataCenter } from './dataCenter.js';
import { Host, type HostOptions } from './host.js';

export interface ClusterProps {
  readonly dataCenter: DataCenter;
  /** Unique name. @default the construct id */
  readonly name?: string;
  /** vCPUs placed per physical CPU (1.0–4.0). @default 1 */
  readonly cpuOvercommitRatio?: number;
  /** Guest memory placed per MiB of host memory (1.0–4.0). @default 1 */
  readonly memoryOvercommitRatio?: number;
  /** Restart VMs of a failed host elsewhere (plan refuses true today: not applied by the agents yet). */
  readonly haEnabled?: boolean;
  readonly description?: string;
}

/** A group of hosts (nssv_cluster); VMs, pools and switches are placed on its hosts. */
export class Cluster extends NssvConstruct<NssvCluster> {
  public readonly dataCenter: DataCenter;
  public readonly clusterName: string;
  private readonly hostList: Host[] = [];

  public constructor(scope: Construct, id: string, props: ClusterProps) {
    super(
      scope,
      id,
      (s) =>
        new NssvCluster(s, 'Resource', {
          name: props.name ?? id,
          datacenterId: props.dataCenter.dataCenterId,
          cpuOvercommitRatio: props.cpuOvercommitRatio,
          memoryOvercommitRatio: props.memoryOvercommitRatio,
          haEnabled: props.haEnabled,
          description: props.description,
        }),
      { datacenter_id: 'dataCenter' },
    );
    this.dataCenter = props.dataCenter;
    this.clusterName = props.name ?? id;
  }

  public get clusterId(): string {
    return this.refId;
  }

  /** The hosts added so far. */
  public get hosts(): readonly Host[] {
    return this.hostList;
  }

  /** Adds a host (a child of this cluster named `id`). */
  public addHost(id: string, options: HostOptions): Host {
    const host = new Host(this, id, { ...options, cluster: this });
    this.hostList.push(host);
    return host;
  }
}
