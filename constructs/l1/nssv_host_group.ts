// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

import type { Construct } from 'constructs';
import { NssvResource, type NssvMetaArguments } from './resource.js';

/**
 * Props of {@link NssvHostGroup}: the attributes of `nssv_host_group` in camelCase, plus Terraform's meta-arguments.
 */
export interface NssvHostGroupConfig extends NssvMetaArguments {
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  readonly name: string;
  /**
   * The cluster whose hosts the group holds.
   * Changing it replaces the resource.
   */
  readonly clusterId: string;
  /**
   * The hosts in the group; all must belong to cluster_id. Changed in place.
   */
  readonly hostIds: string[];
  /**
   * Free text shown in listings.
   * @default ""
   */
  readonly description?: string;
}

/**
 * A set of hosts of one cluster that VM–host scheduling groups (vm-host-affinity, vm-host-anti-affinity) place VMs on or away from.
 * The `nssv_host_group` resource (L1: one Terraform resource, props as in the schema).
 */
export class NssvHostGroup extends NssvResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'nssv_host_group';

  public constructor(scope: Construct, id: string, config: NssvHostGroupConfig) {
    super(scope, id, 'nssv_host_group', config);
  }

  /**
   * `id` (a token until Terraform runs). Computed by nssv: Identifier other resources use to refer to this host group (equal to name).
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
   * `cluster_id` (a token until Terraform runs). As configured, or as nssv computed it: The cluster whose hosts the group holds.
   */
  public get clusterId(): string {
    return this.getStringAttribute('cluster_id');
  }

  /**
   * `host_ids` (a token until Terraform runs). As configured, or as nssv computed it: The hosts in the group; all must belong to cluster_id. Changed in place.
   */
  public get hostIds(): string[] {
    return this.getListAttribute('host_ids');
  }

  /**
   * `description` (a token until Terraform runs). As configured, or as nssv computed it: Free text shown in listings.
   */
  public get description(): string {
    return this.getStringAttribute('description');
  }
}
