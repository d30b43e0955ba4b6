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
   * Unique name; the directory name under the agent's storage root (dir), or the Ceph pool nssv.<name> (rbd; nssv.<name>.data holds the data of an erasure-coded pool).
   * Changing it replaces the resource.
   */
  readonly name: string;
  /**
   * Storage backend: dir (files on each host) or rbd (a Ceph pool shared by the hosts).
   * Allowed: "dir", "rbd".
   * Changing it replaces the resource.
   */
  readonly kind: 'dir' | 'rbd';
  /**
   * The cluster whose hosts provide this pool.
   * Changing it replaces the resource.
   */
  readonly clusterId: string;
  /**
   * rbd only: keep this many copies of every object (2–6), each in a different failure domain. Set exactly one of replicas and erasure_code for an rbd pool. Changed in place (Ceph re-replicates); the cluster needs at least this many failure domains holding OSDs.
   * Allowed: 2–6.
   * @default null
   */
  readonly replicas?: number;
  /**
   * rbd only: erasure coding instead of replicas: data is split into k data chunks plus m parity chunks, each in a different failure domain; any m of them may be lost.
   * @default []
   * Changing it replaces the resource.
   */
  readonly erasureCode?: NssvStoragePoolErasureCode[] | IResolvable;
  /**
   * rbd only: the unit copies or chunks are spread over (the CRUSH failure domain of the pool's rule): host, chassis, rack or datacenter; Ceph's CRUSH map must have enough buckets of that type holding OSDs (chassis and rack buckets are the Ceph administrator's; nssv does not build the CRUSH map).
   * Allowed: "host", "chassis", "rack", "datacenter".
   * @default "host"
   * Changing it replaces the resource.
   */
  readonly failureDomain?: 'host' | 'chassis' | 'rack' | 'datacenter';
  /**
   * Allocate volume space on first write (true) or up front (false: fully written images in rbd pools, `rbd create --thick-provision`). Not supported yet for dir pools.
   * @default true
   * Changing it replaces the resource.
   */
  readonly thinProvisioning?: boolean | IResolvable;
  /**
   * rbd pools: Ceph's quota on the bytes stored in the pool (its data pool for erasure code), in GiB; writes beyond it fail. Default: no quota. Changed in place. Not supported yet for dir pools.
   * Allowed: 1–1048576.
   * @default null
   */
  readonly quotaGib?: number;
  /**
   * rbd only: how fast data is rebuilt after a failure, as Ceph's per-pool recovery priorities: slow (recovery_priority -5, recovery_op_priority 1: favours VM I/O), medium (0, 3: Ceph's defaults), fast (5, 10: favours recovery). Changed in place.
   * Allowed: "slow", "medium", "fast".
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
   * `name` (a token until Terraform runs). As configured, or as nssv computed it: Unique name; the directory name under the agent's storage root (dir), or the Ceph pool nssv.<name> (rbd; nssv.<name>.data holds the data of an erasure-coded pool).
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
   * `replicas` (a token until Terraform runs). As configured, or as nssv computed it: rbd only: keep this many copies of every object (2–6), each in a different failure domain. Set exactly one of replicas and erasure_code for an rbd pool. Changed in place (Ceph re-replicates); the cluster needs at least this many failure domains holding OSDs.
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
   * `failure_domain` (a token until Terraform runs). As configured, or as nssv computed it: rbd only: the unit copies or chunks are spread over (the CRUSH failure domain of the pool's rule): host, chassis, rack or datacenter; Ceph's CRUSH map must have enough buckets of that type holding OSDs (chassis and rack buckets are the Ceph administrator's; nssv does not build the CRUSH map).
   */
  public get failureDomain(): string {
    return this.getStringAttribute('failure_domain');
  }

  /**
   * `thin_provisioning` (a token until Terraform runs). As configured, or as nssv computed it: Allocate volume space on first write (true) or up front (false: fully written images in rbd pools, `rbd create --thick-provision`). Not supported yet for dir pools.
   */
  public get thinProvisioning(): IResolvable {
    return this.getBooleanAttribute('thin_provisioning');
  }

  /**
   * `quota_gib` (a token until Terraform runs). As configured, or as nssv computed it: rbd pools: Ceph's quota on the bytes stored in the pool (its data pool for erasure code), in GiB; writes beyond it fail. Default: no quota. Changed in place. Not supported yet for dir pools.
   */
  public get quotaGib(): number {
    return this.getNumberAttribute('quota_gib');
  }

  /**
   * `recovery_qos` (a token until Terraform runs). As configured, or as nssv computed it: rbd only: how fast data is rebuilt after a failure, as Ceph's per-pool recovery priorities: slow (recovery_priority -5, recovery_op_priority 1: favours VM I/O), medium (0, 3: Ceph's defaults), fast (5, 10: favours recovery). Changed in place.
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
