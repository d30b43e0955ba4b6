// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

import type { Construct } from 'constructs';
import { NssvResource, type NssvMetaArguments } from './resource.js';

/**
 * Props of {@link NssvImageStorage}: the attributes of `nssv_image_storage` in camelCase, plus Terraform's meta-arguments.
 */
export interface NssvImageStorageConfig extends NssvMetaArguments {
  /**
   * Unique name; also the directory name (dir) or Ceph pool name (rbd).
   * Changing it replaces the resource.
   */
  readonly name: string;
  /**
   * The data center the image storage serves.
   * Changing it replaces the resource.
   */
  readonly datacenterId: string;
  /**
   * The cluster whose hosts keep the images.
   * Changing it replaces the resource.
   */
  readonly clusterId: string;
  /**
   * Backend: dir (a directory of image files on every host of the cluster) or rbd (a Ceph pool, nssv-images.<name>, shared by the hosts, with the Ceph cluster's default replication): each image is an RBD image with a protected snapshot base, and volumes of rbd pools made from it are rbd clones of that snapshot (flattened for clone_mode = "full").
   * Allowed: "dir", "rbd".
   * @default "dir"
   * Changing it replaces the resource.
   */
  readonly kind?: 'dir' | 'rbd';
  /**
   * Directory on each host for a dir image storage. Not supported yet: images live in .images/<name> under the agent's storage root. Not allowed for rbd.
   * `nssv plan` refuses it today (the agents do not apply it yet); `nssv validate` accepts it.
   * @default null
   * Changing it replaces the resource.
   */
  readonly path?: string;
  /**
   * Free text shown in listings.
   * @default ""
   */
  readonly description?: string;
}

/**
 * Image storage: where image templates (nssv_image) are kept before they are copied or cloned into volumes.
 * The `nssv_image_storage` resource (L1: one Terraform resource, props as in the schema).
 */
export class NssvImageStorage extends NssvResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'nssv_image_storage';

  public constructor(scope: Construct, id: string, config: NssvImageStorageConfig) {
    super(scope, id, 'nssv_image_storage', config);
  }

  /**
   * `id` (a token until Terraform runs). Computed by nssv: Identifier other resources use to refer to this image storage (equal to name).
   */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * `name` (a token until Terraform runs). As configured, or as nssv computed it: Unique name; also the directory name (dir) or Ceph pool name (rbd).
   */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  /**
   * `datacenter_id` (a token until Terraform runs). As configured, or as nssv computed it: The data center the image storage serves.
   */
  public get datacenterId(): string {
    return this.getStringAttribute('datacenter_id');
  }

  /**
   * `cluster_id` (a token until Terraform runs). As configured, or as nssv computed it: The cluster whose hosts keep the images.
   */
  public get clusterId(): string {
    return this.getStringAttribute('cluster_id');
  }

  /**
   * `kind` (a token until Terraform runs). As configured, or as nssv computed it: Backend: dir (a directory of image files on every host of the cluster) or rbd (a Ceph pool, nssv-images.<name>, shared by the hosts, with the Ceph cluster's default replication): each image is an RBD image with a protected snapshot base, and volumes of rbd pools made from it are rbd clones of that snapshot (flattened for clone_mode = "full").
   */
  public get kind(): string {
    return this.getStringAttribute('kind');
  }

  /**
   * `path` (a token until Terraform runs). As configured, or as nssv computed it: Directory on each host for a dir image storage. Not supported yet: images live in .images/<name> under the agent's storage root. Not allowed for rbd.
   */
  public get path(): string {
    return this.getStringAttribute('path');
  }

  /**
   * `description` (a token until Terraform runs). As configured, or as nssv computed it: Free text shown in listings.
   */
  public get description(): string {
    return this.getStringAttribute('description');
  }

  /**
   * `host_ids` (a token until Terraform runs). Computed by nssv: Hosts that keep the storage's images: every host of its cluster (computed at plan time).
   */
  public get hostIds(): string[] {
    return this.getListAttribute('host_ids');
  }
}
