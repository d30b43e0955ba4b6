import type { RecoveryQos } from './recovery.js';

/** CRUSH bucket types a pool's copies or chunks are spread over. */
export type FailureDomain = 'host' | 'chassis' | 'rack' | 'datacenter';

/** What an nssv rbd pool should be (PUT /v1/rbd-pools/:pool). Exactly one of replicas, erasureCode. */
export interface RbdPoolSpec {
  address: string;
  replicas: number | null;
  erasureCode: { k: number; m: number } | null;
  failureDomain: FailureDomain;
  /** Upper bound on stored bytes (Ceph's max_bytes quota), GiB; null: none. */
  quotaGiB: number | null;
  recoveryQos: RecoveryQos;
  thinProvisioning: boolean;
}

/** An nssv rbd pool as Ceph reports it. */
export interface RbdPoolInfo {
  name: string;
  address: string;
  /** The Ceph pool RBD images (and, for EC, their metadata) live in. */
  cephPool: string;
  /** The erasure-coded data pool, or null for a replicated pool. */
  cephDataPool: string | null;
  replicas: number | null;
  erasureCode: { k: number; m: number } | null;
  /** The CRUSH bucket type of the data pool's rule ("" when Ceph's rule has no chooseleaf step). */
  failureDomain: string;
  quotaGiB: number | null;
  /** slow/medium/fast, or a description of settings changed outside nssv. */
  recoveryQos: string;
  thinProvisioning: boolean;
}
