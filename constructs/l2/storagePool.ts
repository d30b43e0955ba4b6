import type { Construct } from 'constructs';
import { NssvStoragePool, type NssvStoragePoolConfig } from '../l1/nssv_storage_pool.js';
import { NssvConstruct } from './base.js';
import type { Cluster } from './cluster.js';
import type { Size } from './size.js';

type FailureDomain = NonNullable<NssvStoragePoolConfig['failureDomain']>;

export interface StoragePoolOptions {
  readonly cluster: Cluster;
  /** @default the construct id */
  readonly name?: string;
  /** Upper bound on the volumes' total virtual size (whole GiB). */
  readonly quota?: Size;
  readonly description?: string;
}

export interface ReplicatedPoolOptions extends StoragePoolOptions {
  /** Copies of every object (2–6), each in a different failure domain. */
  readonly replicas: number;
  /** @default "host" */
  readonly failureDomain?: FailureDomain;
  readonly recoveryQos?: NssvStoragePoolConfig['recoveryQos'];
}

export interface ErasureCodedPoolOptions extends StoragePoolOptions {
  /** Data chunks k (2–16). */
  readonly dataChunks: number;
  /** Parity chunks m (1–8): failure domains that may fail without data loss. */
  readonly parityChunks: number;
  /** @default "host" */
  readonly failureDomain?: FailureDomain;
  readonly recoveryQos?: NssvStoragePoolConfig['recoveryQos'];
}

/**
 * Data storage for volumes (nssv_storage_pool): `directory()` pools on each host, or Ceph rbd pools
 * with `replicated()` and `erasureCoded()`, whose volumes are shared by the cluster's hosts.
 */
export class StoragePool extends NssvConstruct<NssvStoragePool> {
  /** Files (qcow2/raw) in a directory on every host of the cluster. */
  public static directory(scope: Construct, id: string, options: StoragePoolOptions): StoragePool {
    return new StoragePool(scope, id, options, { kind: 'dir' });
  }

  /** A Ceph pool keeping `replicas` copies across failure domains. */
  public static replicated(scope: Construct, id: string, options: ReplicatedPoolOptions): StoragePool {
    return new StoragePool(scope, id, options, {
      kind: 'rbd',
      replicas: options.replicas,
      failureDomain: options.failureDomain,
      recoveryQos: options.recoveryQos,
    });
  }

  /** A Ceph pool with k data + m parity chunks across failure domains. */
  public static erasureCoded(scope: Construct, id: string, options: ErasureCodedPoolOptions): StoragePool {
    return new StoragePool(scope, id, options, {
      kind: 'rbd',
      erasureCode: [{ k: options.dataChunks, m: options.parityChunks }],
      failureDomain: options.failureDomain,
      recoveryQos: options.recoveryQos,
    });
  }

  private constructor(
    scope: Construct,
    id: string,
    options: StoragePoolOptions,
    kind: Omit<NssvStoragePoolConfig, 'name' | 'clusterId'>,
  ) {
    super(
      scope,
      id,
      (s) =>
        new NssvStoragePool(s, 'Resource', {
          ...kind,
          name: options.name ?? id,
          clusterId: options.cluster.clusterId,
          quotaGib: options.quota?.toGibibytes(),
          description: options.description,
        }),
      {
        cluster_id: 'cluster',
        quota_gib: 'quota',
        'erasure_code.k': 'dataChunks',
        'erasure_code.m': 'parityChunks',
      },
    );
  }

  public get poolId(): string {
    return this.refId;
  }
}
