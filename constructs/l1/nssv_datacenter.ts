// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

import type { Construct } from 'constructs';
import { NssvResource, type NssvMetaArguments } from './resource.js';

/**
 * Props of {@link NssvDatacenter}: the attributes of `nssv_datacenter` in camelCase, plus Terraform's meta-arguments.
 */
export interface NssvDatacenterConfig extends NssvMetaArguments {
  /**
   * Unique name: lower-case letters, digits and '-', starting with a letter, at most 63 characters.
   * Changing it replaces the resource.
   */
  readonly name: string;
  /**
   * Free text shown in listings.
   * @default ""
   */
  readonly description?: string;
}

/**
 * A data center: the largest namespace. Clusters, switches and storage belong to one.
 * The `nssv_datacenter` resource (L1: one Terraform resource, props as in the schema).
 */
export class NssvDatacenter extends NssvResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'nssv_datacenter';

  public constructor(scope: Construct, id: string, config: NssvDatacenterConfig) {
    super(scope, id, 'nssv_datacenter', config);
  }

  /**
   * `id` (a token until Terraform runs). Computed by nssv: Identifier other resources use to refer to this data center (equal to name).
   */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * `name` (a token until Terraform runs). As configured, or as nssv computed it: Unique name: lower-case letters, digits and '-', starting with a letter, at most 63 characters.
   */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  /**
   * `description` (a token until Terraform runs). As configured, or as nssv computed it: Free text shown in listings.
   */
  public get description(): string {
    return this.getStringAttribute('description');
  }
}
