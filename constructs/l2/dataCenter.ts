import type { Construct } from 'constructs';
import { NssvDatacenter } from '../l1/nssv_datacenter.js';
import { NssvConstruct } from './base.js';

export interface DataCenterProps {
  /** Unique name. @default the construct id */
  readonly name?: string;
  /** Free text shown in listings. */
  readonly description?: string;
}

/** A data center: the largest namespace (nssv_datacenter). Clusters, switches and security groups belong to one. */
export class DataCenter extends NssvConstruct<NssvDatacenter> {
  public constructor(scope: Construct, id: string, props: DataCenterProps = {}) {
    super(
      scope,
      id,
      (s) => new NssvDatacenter(s, 'Resource', { name: props.name ?? id, description: props.description }),
    );
  }

  /** The data center's id (a token), for the L1 props that refer to it. */
  public get dataCenterId(): string {
    return this.refId;
  }
}
