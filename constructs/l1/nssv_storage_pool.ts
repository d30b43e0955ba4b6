// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

import type { Construct } from 'constructs';
import type { IResolvable } from '../cdk/types.js';
import { NssvResource, type NssvMetaArguments } from './resource.js';

/**

 */
export interface NssvStoragePoolErasureCode {
  /**
   * Data chunks (2–16).
   * Allowed: 2–16.
   */
  readonly k: number;
  /**
   * Parity chunks (1–8): how many failure domains may fail without data loss.
   * Allowed: 1–8.
   */
  readonly m: number;
}

/**
 * Props of {@link NssvStoragePool}: the attributes of `nssv_storage_pool` in camelCase, plus Terraform's meta-arguments.
 */
export interface NssvStoragePoolConfig extends NssvMetaArguments {
  /**
   * Unique name; also the directory name under the agent's storage root.
   * Changing it replaces the resource.
   */
  readonly name: string;
  /**
   * Storage backend: dir (files on each host) or rbd (a Ceph pool shared by the hosts).
   * Allowed: "dir", "rbd".
   * `nssv plan` refuses "rbd" today (the agents do not apply it yet).
   * Changing it replaces the resource.
   */
  readonly kind: 'dir' | 'rbd';
  /**
   * The cluster whose hosts provide this pool.
   * Changing it replaces the resource.
   */
  readonly clusterId: string;
  /**
   * rbd only: keep this many copies of every object (2–6), each in a different failure domain. Set exactly one of replicas and erasure_code for an rbd pool.
   * Allowed: 2–6.
   * `nssv plan` refuses it today (the agents do not apply it yet); `nssv validate` accepts it.
   * @default null
   * Changing it replaces the resource.
   */
  readonly replicas?: number;
  /**
   * rbd only: erasure coding instead of replicas: data is split into k data chunks plus m parity chunks, each in a different failure domain; any m of them may be lost.
   * `nssv plan` refuses it today (the agents do not apply it yet); `nssv validate` accepts it.
   * @default []
   * Changing it replaces the resource.
   */
  readonly erasureCode?: NssvStoragePoolErasureCode[] | IResolvable;
  /**
   * rbd only: the unit copies or chunks are spread over (the CRUSH failure domain): host, chassis, rack or datacenter. chassis and rack come from the hosts' labels of the same name.
   * Allowed: "host", "chassis", "rack", "datacenter".
   * `nssv plan` refuses it today (the agents do not apply it yet); `nssv validate` accepts it.
   * @default "host"
   * Changing it replaces the resource.
   */
  readonly failureDomain?: 'host' | 'chassis' | 'rack' | 'datacenter';
  /**
   * Allocate volume space on first write (true) or up front (false: preallocated files in dir pools, fully written images in rbd pools).
   * `nssv plan` refuses it today (the agents do not apply it yet); `nssv validate` accepts it.
   * @default true
   * Changing it replaces the resource.
   */
  readonly thinProvisioning?: boolean | IResolvable;
  /**
   * Upper bound on the virtual size of all volumes in the pool, in GiB. Default: no quota. Changed in place.
   * Allowed: 1–1048576.
   * `nssv plan` refuses it today (the agents do not apply it yet); `nssv validate` accepts it.
   * @default null
   */
  readonly quotaGib?: number;
  /**
   * rbd only: how fast data is rebuilt after a failure: slow (favours VM I/O), medium, fast (favours recovery). Changed in place.
   * Allowed: "slow", "medium", "fast".
   * `nssv plan` refuses it today (the agents do not apply it yet); `nssv validate` accepts it.
   * @default "medium"
   */
  readonly recoveryQos?: 'slow' | 'medium' | 'fast';
  /**
   * Free text shown in listings.
   * @default ""
   */
  readonly description?: string;
}

/**
 * Data storage for volumes. A `dir` pool is a directory of qcow2/raw files on every host of its cluster (local storage); an `rbd` pool is a Ceph pool shared by the cluster's hosts, protected by replicas or erasure coding across failure domains.
 * The `nssv_storage_pool` resource (L1: one Terraform resource, props as in the schema).
 */
export class NssvStoragePool extends NssvResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'nssv_storage_pool';

  public constructor(scope: Construct, id: string, config: NssvStoragePoolConfig) {
    super(scope, id, 'nssv_storage_pool', config);
  }

  /**
   * `id` (a token until Terraform runs). Computed by nssv: Identifier other resources use to refer to this pool (equal to name).
   */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * `name` (a token until Terraform runs). As configured, or as nssv computed it: Unique name; also the directory name under the agent's storage root.
   */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  /**
   * `kind` (a token until Terraform runs). As configured, or as nssv computed it: Storage backend: dir (files on each host) or rbd (a Ceph pool shared by the hosts).
   */
  public get kind(): string {
    return this.getStringAttribute('kind');
  }

  /**
   * `cluster_id` (a token until Terraform runs). As configured, or as nssv computed it: The cluster whose hosts provide this pool.
   */
  public get clusterId(): string {
    return this.getStringAttribute('cluster_id');
  }

  /**
   * `replicas` (a token until Terraform runs). As configured, or as nssv computed it: rbd only: keep this many copies of every object (2–6), each in a different failure domain. Set exactly one of replicas and erasure_code for an rbd pool.
   */
  public get replicas(): number {
    return this.getNumberAttribute('replicas');
  }

  /**
   * `erasure_code` (a token until Terraform runs). As configured, or as nssv computed it: rbd only: erasure coding instead of replicas: data is split into k data chunks plus m parity chunks, each in a different failure domain; any m of them may be lost.
   */
  public get erasureCode(): IResolvable {
    return this.interpolationForAttribute('erasure_code');
  }

  /**
   * `failure_domain` (a token until Terraform runs). As configured, or as nssv computed it: rbd only: the unit copies or chunks are spread over (the CRUSH failure domain): host, chassis, rack or datacenter. chassis and rack come from the hosts' labels of the same name.
   */
  public get failureDomain(): string {
    return this.getStringAttribute('failure_domain');
  }

  /**
   * `thin_provisioning` (a token until Terraform runs). As configured, or as nssv computed it: Allocate volume space on first write (true) or up front (false: preallocated files in dir pools, fully written images in rbd pools).
   */
  public get thinProvisioning(): IResolvable {
    return this.getBooleanAttribute('thin_provisioning');
  }

  /**
   * `quota_gib` (a token until Terraform runs). As configured, or as nssv computed it: Upper bound on the virtual size of all volumes in the pool, in GiB. Default: no quota. Changed in place.
   */
  public get quotaGib(): number {
    return this.getNumberAttribute('quota_gib');
  }

  /**
   * `recovery_qos` (a token until Terraform runs). As configured, or as nssv computed it: rbd only: how fast data is rebuilt after a failure: slow (favours VM I/O), medium, fast (favours recovery). Changed in place.
   */
  public get recoveryQos(): string {
    return this.getStringAttribute('recovery_qos');
  }

  /**
   * `description` (a token until Terraform runs). As configured, or as nssv computed it: Free text shown in listings.
   */
  public get description(): string {
    return this.getStringAttribute('description');
  }

  /**
   * `host_ids` (a token until Terraform runs). Computed by nssv: Hosts that provide the pool: every host of its cluster (computed at plan time).
   */
  public get hostIds(): string[] {
    return this.getListAttribute('host_ids');
  }
}
