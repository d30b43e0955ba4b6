// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

import type { Construct } from 'constructs';
import { NssvResource, type NssvMetaArguments } from './resource.js';

/**
 * Props of {@link NssvVolumeSnapshot}: the attributes of `nssv_volume_snapshot` in camelCase, plus Terraform's meta-arguments.
 */
export interface NssvVolumeSnapshotConfig extends NssvMetaArguments {
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  readonly name: string;
  /**
   * The volume to snapshot.
   * Changing it replaces the resource.
   */
  readonly volumeId: string;
  /**
   * Free text shown in listings.
   * @default ""
   */
  readonly description?: string;
  /**
   * Raise it (0 → 1 → 2 …) to revert the volume to this snapshot: an explicit, planned update of the snapshot; the data written to the volume since the snapshot is lost, and a rollback cannot bring it back. No running VM may use the volume (stop it first with power_state = "shutoff").
   * @default 0
   */
  readonly revertSerial?: number;
}

/**
 * A point-in-time snapshot of a volume. In a dir pool the volume must be qcow2: the snapshot is an external qcow2 layer, made with qemu-img, or live through libvirt when a running VM writes to the volume; deleting one pulls its data into the layers above it, live under a running VM too (virsh blockpull, blockcopy). In an rbd pool it is an rbd snapshot, taken live. A volume's snapshots form a chain: at most 128 in a dir pool, 32 in an rbd pool.
 * The `nssv_volume_snapshot` resource (L1: one Terraform resource, props as in the schema).
 */
export class NssvVolumeSnapshot extends NssvResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'nssv_volume_snapshot';

  public constructor(scope: Construct, id: string, config: NssvVolumeSnapshotConfig) {
    super(scope, id, 'nssv_volume_snapshot', config);
  }

  /**
   * `id` (a token until Terraform runs). Computed by nssv: Identifier other resources use to refer to this snapshot (equal to name).
   */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * `name` (a token until Terraform runs). As configured, or as nssv computed it: Unique name.
   */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  /**
   * `volume_id` (a token until Terraform runs). As configured, or as nssv computed it: The volume to snapshot.
   */
  public get volumeId(): string {
    return this.getStringAttribute('volume_id');
  }

  /**
   * `description` (a token until Terraform runs). As configured, or as nssv computed it: Free text shown in listings.
   */
  public get description(): string {
    return this.getStringAttribute('description');
  }

  /**
   * `revert_serial` (a token until Terraform runs). As configured, or as nssv computed it: Raise it (0 → 1 → 2 …) to revert the volume to this snapshot: an explicit, planned update of the snapshot; the data written to the volume since the snapshot is lost, and a rollback cannot bring it back. No running VM may use the volume (stop it first with power_state = "shutoff").
   */
  public get revertSerial(): number {
    return this.getNumberAttribute('revert_serial');
  }

  /**
   * `created_at` (a token until Terraform runs). Computed by nssv: When the snapshot was taken (RFC 3339).
   */
  public get createdAt(): string {
    return this.getStringAttribute('created_at');
  }

  /**
   * `volume_pool_id` (a token until Terraform runs). Computed by nssv: The pool of the volume (computed at plan time).
   */
  public get volumePoolId(): string {
    return this.getStringAttribute('volume_pool_id');
  }

  /**
   * `volume_host_id` (a token until Terraform runs). Computed by nssv: The host whose agent manages the volume (computed at plan time).
   */
  public get volumeHostId(): string {
    return this.getStringAttribute('volume_host_id');
  }
}
