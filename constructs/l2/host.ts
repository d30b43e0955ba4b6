import type { Construct } from 'constructs';
import { NssvHost } from '../l1/nssv_host.js';
import type { IDeclaresProviderHost } from '../cdk/provider.js';
import { NssvConstruct } from './base.js';
import type { ICluster } from './refs.js';

export interface HostOptions {
  /** Host name; must equal the name its agentd reports. @default the construct id */
  readonly name?: string;
  /** The agent's URL, e.g. http://10.0.0.11:7400. */
  readonly endpoint: string;
  /** The agent's bearer token (sensitive: never shown in plans). */
  readonly token: string;
  /** For an https:// endpoint: the TLS directory whose CA signed the agent's certificate. @default ~/.config/nssv/tls */
  readonly tlsDir?: string;
  /** Labels such as rack and chassis (used by rbd failure domains). */
  readonly labels?: { [key: string]: string };
  /** In maintenance: no new VMs are placed on it. @default false */
  readonly maintenance?: boolean;
}

export interface HostProps extends HostOptions {
  readonly cluster: ICluster;
}

/** A KVM hypervisor running agentd (nssv_host). Usually made with {@link Cluster.addHost}. */
export class Host extends NssvConstruct<NssvHost> implements IDeclaresProviderHost {
  public readonly cluster: ICluster;
  /** What NssvProvider lists for the Terraform provider (provider "nssv" { hosts }). */
  public readonly nssvProviderHost: IDeclaresProviderHost['nssvProviderHost'];

  public constructor(scope: Construct, id: string, props: HostProps) {
    super(
      scope,
      id,
      (s) =>
        new NssvHost(s, 'Resource', {
          name: props.name ?? id,
          clusterId: props.cluster.clusterId,
          endpoint: props.endpoint,
          token: props.token,
          tlsDir: props.tlsDir,
          labels: props.labels,
          maintenance: props.maintenance,
        }),
      { cluster_id: 'cluster' },
    );
    this.cluster = props.cluster;
    this.nssvProviderHost = {
      name: props.name ?? id,
      clusterId: props.cluster.clusterName,
      endpoint: props.endpoint,
      token: props.token,
    };
  }

  public get hostId(): string {
    return this.refId;
  }
}
