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
   * Disk image format.
   * Allowed: "qcow2", "raw".
   * @default "qcow2"
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
   * Create the volume from this snapshot of another volume.
   * `nssv plan` refuses it today (the agents do not apply it yet); `nssv validate` accepts it.
   * @default null
   * Changing it replaces the resource.
   */
  readonly sourceSnapshotId?: string;
  /**
   * How a volume with a source is made: linked (a copy-on-write qcow2 overlay backed by the image; format must be qcow2), full (an independent copy, converted to the volume's format), or rapid (linked at once, then flattened into an independent copy in the background; clone_state shows the progress). Ignored without a source.
   * Allowed: "linked", "full", "rapid".
   * @default "linked"
   * Changing it replaces the resource.
   */
  readonly cloneMode?: 'linked' | 'full' | 'rapid';
  /**
   * What destroying the volume does to its data: immediate (deleted when the apply commits; until then it is kept so a failed apply can undo the delete), delayed (moved to the host's trash and purged later), never (kept on the host, only forgotten by nssv).
   * Allowed: "immediate", "delayed", "never".
   * `nssv plan` refuses it today (the agents do not apply it yet); `nssv validate` accepts it.
   * @default "immediate"
   */
  readonly deletePolicy?: 'immediate' | 'delayed' | 'never';
  /**
   * Host that holds a volume of a dir pool. Default: the host of the VM that attaches it.
   * Changing it replaces the resource.
   */
  readonly hostId?: string;
}

/**
 * A block volume in a storage pool. In a dir pool it is a file on one host: the host of the VM that attaches it, or host_id.
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
   * `format` (a token until Terraform runs). As configured, or as nssv computed it: Disk image format.
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
   * `source_snapshot_id` (a token until Terraform runs). As configured, or as nssv computed it: Create the volume from this snapshot of another volume.
   */
  public get sourceSnapshotId(): string {
    return this.getStringAttribute('source_snapshot_id');
  }

  /**
   * `clone_mode` (a token until Terraform runs). As configured, or as nssv computed it: How a volume with a source is made: linked (a copy-on-write qcow2 overlay backed by the image; format must be qcow2), full (an independent copy, converted to the volume's format), or rapid (linked at once, then flattened into an independent copy in the background; clone_state shows the progress). Ignored without a source.
   */
  public get cloneMode(): string {
    return this.getStringAttribute('clone_mode');
  }

  /**
   * `delete_policy` (a token until Terraform runs). As configured, or as nssv computed it: What destroying the volume does to its data: immediate (deleted when the apply commits; until then it is kept so a failed apply can undo the delete), delayed (moved to the host's trash and purged later), never (kept on the host, only forgotten by nssv).
   */
  public get deletePolicy(): string {
    return this.getStringAttribute('delete_policy');
  }

  /**
   * `host_id` (a token until Terraform runs). As configured, or as nssv computed it: Host that holds a volume of a dir pool. Default: the host of the VM that attaches it.
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
