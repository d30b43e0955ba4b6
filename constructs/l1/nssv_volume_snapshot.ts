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
}

/**
 * A point-in-time snapshot of a volume. A volume's snapshots form a chain: at most 128 in a dir pool, 32 in an rbd pool.
 * The `nssv_volume_snapshot` resource (L1: one Terraform resource, props as in the schema).
 * `nssv plan` refuses it today (the agents do not apply it yet); `nssv validate` accepts it.
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
   * `created_at` (a token until Terraform runs). Computed by nssv: When the snapshot was taken (RFC 3339).
   */
  public get createdAt(): string {
    return this.getStringAttribute('created_at');
  }
}
