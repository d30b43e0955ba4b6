import type { Construct } from 'constructs';
import { NssvImageStorage, type NssvImageStorageConfig } from '../l1/nssv_image_storage.js';
import { NssvConstruct } from './base.js';
import type { Cluster } from './cluster.js';

export interface ImageStorageProps {
  readonly cluster: Cluster;
  /** @default the construct id */
  readonly name?: string;
  readonly kind?: NssvImageStorageConfig['kind'];
  readonly path?: string;
  readonly description?: string;
}

/** Where image templates are kept (nssv_image_storage). Refused by `nssv plan` today (no agent support yet). */
export class ImageStorage extends NssvConstruct<NssvImageStorage> {
  public constructor(scope: Construct, id: string, props: ImageStorageProps) {
    super(
      scope,
      id,
      (s) =>
        new NssvImageStorage(s, 'Resource', {
          name: props.name ?? id,
          datacenterId: props.cluster.dataCenter.dataCenterId,
          clusterId: props.cluster.clusterId,
          kind: props.kind,
          path: props.path,
          description: props.description,
        }),
      { cluster_id: 'cluster', datacenter_id: 'cluster' },
    );
  }

  public get imageStorageId(): string {
    return this.refId;
  }
}
