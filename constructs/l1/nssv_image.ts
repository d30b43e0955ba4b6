// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

import type { Construct } from 'constructs';
import { NssvResource, type NssvMetaArguments } from './resource.js';

/**
 * Props of {@link NssvImage}: the attributes of `nssv_image` in camelCase, plus Terraform's meta-arguments.
 */
export interface NssvImageConfig extends NssvMetaArguments {
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  readonly name: string;
  /**
   * The image storage that keeps the image.
   * Changing it replaces the resource.
   */
  readonly imageStorageId: string;
  /**
   * Where to import the image from: an http(s) URL or an absolute file path on the hosts.
   * Changing it replaces the resource.
   */
  readonly source: string;
  /**
   * Format of the image file: qcow2 or raw.
   * Allowed: "qcow2", "raw".
   * @default "qcow2"
   * Changing it replaces the resource.
   */
  readonly format?: 'qcow2' | 'raw';
  /**
   * SHA-256 checksum of the source file; the import fails, keeping nothing, if the file differs. Required for http(s) sources; without it a local file's digest is recorded unchecked.
   * @default null
   * Changing it replaces the resource.
   */
  readonly sha256?: string;
  /**
   * Guest operating system family, used for device defaults.
   * Allowed: "linux", "windows", "other".
   * @default "linux"
   */
  readonly osType?: 'linux' | 'windows' | 'other';
  /**
   * What destroying the image does, as in the seeds: delayed (the default: moved to each host's trash, or for an rbd image storage to the Ceph pool's rbd trash, restorable with `nssv trash restore` and purged after 7 days; an apply that fails later brings it back from there), immediate (deleted from each host of its image storage during the apply; an apply that fails later imports it again from its source, verified against its sha256 when one is set), never (plan refuses to delete or replace it: set another policy and apply first). States written before delayed became the default (state format 1, provider schema version 1) read a recorded immediate as delayed: an unchanged configuration plans no change; one that sets immediate plans it once more, touching no host.
   * Allowed: "immediate", "delayed", "never".
   * @default "delayed"
   */
  readonly deletePolicy?: 'immediate' | 'delayed' | 'never';
  /**
   * Free text shown in listings.
   * @default ""
   */
  readonly description?: string;
}

/**
 * An image template (a disk image file) in an image storage; volumes are created from it with source_image_id. Its sha256 checksum is verified when it is imported.
 * The `nssv_image` resource (L1: one Terraform resource, props as in the schema).
 */
export class NssvImage extends NssvResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'nssv_image';

  public constructor(scope: Construct, id: string, config: NssvImageConfig) {
    super(scope, id, 'nssv_image', config);
  }

  /**
   * `id` (a token until Terraform runs). Computed by nssv: Identifier other resources use to refer to this image (equal to name).
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
   * `image_storage_id` (a token until Terraform runs). As configured, or as nssv computed it: The image storage that keeps the image.
   */
  public get imageStorageId(): string {
    return this.getStringAttribute('image_storage_id');
  }

  /**
   * `source` (a token until Terraform runs). As configured, or as nssv computed it: Where to import the image from: an http(s) URL or an absolute file path on the hosts.
   */
  public get source(): string {
    return this.getStringAttribute('source');
  }

  /**
   * `format` (a token until Terraform runs). As configured, or as nssv computed it: Format of the image file: qcow2 or raw.
   */
  public get format(): string {
    return this.getStringAttribute('format');
  }

  /**
   * `sha256` (a token until Terraform runs). As configured, or as nssv computed it: SHA-256 checksum of the source file; the import fails, keeping nothing, if the file differs. Required for http(s) sources; without it a local file's digest is recorded unchecked.
   */
  public get sha256(): string {
    return this.getStringAttribute('sha256');
  }

  /**
   * `os_type` (a token until Terraform runs). As configured, or as nssv computed it: Guest operating system family, used for device defaults.
   */
  public get osType(): string {
    return this.getStringAttribute('os_type');
  }

  /**
   * `delete_policy` (a token until Terraform runs). As configured, or as nssv computed it: What destroying the image does, as in the seeds: delayed (the default: moved to each host's trash, or for an rbd image storage to the Ceph pool's rbd trash, restorable with `nssv trash restore` and purged after 7 days; an apply that fails later brings it back from there), immediate (deleted from each host of its image storage during the apply; an apply that fails later imports it again from its source, verified against its sha256 when one is set), never (plan refuses to delete or replace it: set another policy and apply first). States written before delayed became the default (state format 1, provider schema version 1) read a recorded immediate as delayed: an unchanged configuration plans no change; one that sets immediate plans it once more, touching no host.
   */
  public get deletePolicy(): string {
    return this.getStringAttribute('delete_policy');
  }

  /**
   * `size_bytes` (a token until Terraform runs). Computed by nssv: Size of the imported image file in bytes.
   */
  public get sizeBytes(): number {
    return this.getNumberAttribute('size_bytes');
  }

  /**
   * `description` (a token until Terraform runs). As configured, or as nssv computed it: Free text shown in listings.
   */
  public get description(): string {
    return this.getStringAttribute('description');
  }

  /**
   * `host_ids` (a token until Terraform runs). Computed by nssv: Hosts the image is imported to, once each: the hosts of its image storage (computed at plan time).
   */
  public get hostIds(): string[] {
    return this.getListAttribute('host_ids');
  }
}
