// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

import type { Construct } from 'constructs';
import { NssvResource, type NssvMetaArguments } from './resource.js';

/**
 * Props of {@link NssvVolume}: the attributes of `nssv_volume` in camelCase, plus Terraform's meta-arguments.
 */
export interface NssvVolumeConfig extends NssvMetaArguments {
  /**
   * Unique name; the file is <name>.<format> in the pool.
   * Changing it replaces the resource.
   */
  readonly name: string;
  /**
   * The pool that holds the volume.
   * Changing it replaces the resource.
   */
  readonly poolId: string;
  /**
   * Virtual size in GiB. Growing is done in place; shrinking is refused.
   * Allowed: 1–65536.
   */
  readonly sizeGib: number;
  /**
   * Disk image format. Default: qcow2 in a dir pool, raw in an rbd pool (an RBD image is a raw block device; its snapshots and clones are Ceph's).
   * Allowed: "qcow2", "raw".
   * Changing it replaces the resource.
   */
  readonly format?: 'qcow2' | 'raw';
  /**
   * Create the volume from this image. Set at most one of source_image_id and source_snapshot_id; neither gives an empty volume.
   * @default null
   * Changing it replaces the resource.
   */
  readonly sourceImageId?: string;
  /**
   * Create the volume from this snapshot of another volume of the same pool (a linked or full copy, see clone_mode); the snapshot keeps existing on its volume.
   * @default null
   * Changing it replaces the resource.
   */
  readonly sourceSnapshotId?: string;
  /**
   * How a volume with a source is made: linked (a copy-on-write child: a qcow2 overlay on the image or snapshot in a dir pool, format qcow2; an rbd clone of the protected snapshot in an rbd pool), full (an independent copy: qemu-img convert to the volume's format, or rbd clone then flatten), or rapid (from an image: linked at once, then flattened in the background, clone_state shows the progress; from a snapshot it is a full copy). Ignored without a source.
   * Allowed: "linked", "full", "rapid".
   * @default "linked"
   * Changing it replaces the resource.
   */
  readonly cloneMode?: 'linked' | 'full' | 'rapid';
  /**
   * What destroying the volume does to its data, as in the seeds: delayed (moved to the trash, with its snapshots: a dir pool's volume to its host's trash directory, an rbd volume to the Ceph pool's rbd trash; restorable with `nssv trash restore` and purged after 7 days), immediate (purged when the apply succeeds; until then it waits in the trash so a failed apply can bring it back with its data), never (plan refuses to delete or replace it: set another policy and apply first). In every case an apply that fails after the delete restores the volume with its data.
   * Allowed: "immediate", "delayed", "never".
   * @default "delayed"
   */
  readonly deletePolicy?: 'immediate' | 'delayed' | 'never';
  /**
   * Host that holds a volume of a dir pool (changing it replaces the volume). Default: the host of the VM that attaches it. An rbd volume lives in the Ceph cluster: host_id only names the host whose agent manages it, and follows its VM in place; without a VM, nssv plan picks the first host (by name) of its pool's cluster that is not in maintenance.
   * Changing it replaces the resource.
   */
  readonly hostId?: string;
}

/**
 * A block volume in a storage pool. In a dir pool it is a file on one host: the host of the VM that attaches it, or host_id. In an rbd pool it is an RBD image every host of the cluster reaches.
 * The `nssv_volume` resource (L1: one Terraform resource, props as in the schema).
 */
export class NssvVolume extends NssvResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'nssv_volume';

  public constructor(scope: Construct, id: string, config: NssvVolumeConfig) {
    super(scope, id, 'nssv_volume', config);
  }

  /**
   * `id` (a token until Terraform runs). Computed by nssv: Identifier other resources use to refer to this volume (equal to name).
   */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * `name` (a token until Terraform runs). As configured, or as nssv computed it: Unique name; the file is <name>.<format> in the pool.
   */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  /**
   * `pool_id` (a token until Terraform runs). As configured, or as nssv computed it: The pool that holds the volume.
   */
  public get poolId(): string {
    return this.getStringAttribute('pool_id');
  }

  /**
   * `size_gib` (a token until Terraform runs). As configured, or as nssv computed it: Virtual size in GiB. Growing is done in place; shrinking is refused.
   */
  public get sizeGib(): number {
    return this.getNumberAttribute('size_gib');
  }

  /**
   * `format` (a token until Terraform runs). As configured, or as nssv computed it: Disk image format. Default: qcow2 in a dir pool, raw in an rbd pool (an RBD image is a raw block device; its snapshots and clones are Ceph's).
   */
  public get format(): string {
    return this.getStringAttribute('format');
  }

  /**
   * `source_image_id` (a token until Terraform runs). As configured, or as nssv computed it: Create the volume from this image. Set at most one of source_image_id and source_snapshot_id; neither gives an empty volume.
   */
  public get sourceImageId(): string {
    return this.getStringAttribute('source_image_id');
  }

  /**
   * `source_snapshot_id` (a token until Terraform runs). As configured, or as nssv computed it: Create the volume from this snapshot of another volume of the same pool (a linked or full copy, see clone_mode); the snapshot keeps existing on its volume.
   */
  public get sourceSnapshotId(): string {
    return this.getStringAttribute('source_snapshot_id');
  }

  /**
   * `clone_mode` (a token until Terraform runs). As configured, or as nssv computed it: How a volume with a source is made: linked (a copy-on-write child: a qcow2 overlay on the image or snapshot in a dir pool, format qcow2; an rbd clone of the protected snapshot in an rbd pool), full (an independent copy: qemu-img convert to the volume's format, or rbd clone then flatten), or rapid (from an image: linked at once, then flattened in the background, clone_state shows the progress; from a snapshot it is a full copy). Ignored without a source.
   */
  public get cloneMode(): string {
    return this.getStringAttribute('clone_mode');
  }

  /**
   * `delete_policy` (a token until Terraform runs). As configured, or as nssv computed it: What destroying the volume does to its data, as in the seeds: delayed (moved to the trash, with its snapshots: a dir pool's volume to its host's trash directory, an rbd volume to the Ceph pool's rbd trash; restorable with `nssv trash restore` and purged after 7 days), immediate (purged when the apply succeeds; until then it waits in the trash so a failed apply can bring it back with its data), never (plan refuses to delete or replace it: set another policy and apply first). In every case an apply that fails after the delete restores the volume with its data.
   */
  public get deletePolicy(): string {
    return this.getStringAttribute('delete_policy');
  }

  /**
   * `host_id` (a token until Terraform runs). As configured, or as nssv computed it: Host that holds a volume of a dir pool (changing it replaces the volume). Default: the host of the VM that attaches it. An rbd volume lives in the Ceph cluster: host_id only names the host whose agent manages it, and follows its VM in place; without a VM, nssv plan picks the first host (by name) of its pool's cluster that is not in maintenance.
   */
  public get hostId(): string {
    return this.getStringAttribute('host_id');
  }

  /**
   * `clone_state` (a token until Terraform runs). Computed by nssv: For a volume made from an image: linked (reads through to the image), flattening (a rapid clone being copied) or independent (no longer needs the image). null without a source.
   */
  public get cloneState(): string {
    return this.getStringAttribute('clone_state');
  }
}
