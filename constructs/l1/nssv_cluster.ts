// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

import type { Construct } from 'constructs';
import type { IResolvable } from '../cdk/types.js';
import { NssvResource, type NssvMetaArguments } from './resource.js';

/**
 * Props of {@link NssvCluster}: the attributes of `nssv_cluster` in camelCase, plus Terraform's meta-arguments.
 */
export interface NssvClusterConfig extends NssvMetaArguments {
  /**
   * Unique name: lower-case letters, digits and '-', starting with a letter, at most 63 characters.
   * Changing it replaces the resource.
   */
  readonly name: string;
  /**
   * The data center this cluster belongs to.
   * Changing it replaces the resource.
   */
  readonly datacenterId: string;
  /**
   * How many vCPUs the scheduler may place per physical CPU (1.0–4.0).
   * Allowed: 1–4.
   * @default 1
   */
  readonly cpuOvercommitRatio?: number;
  /**
   * How much guest memory the scheduler may place per MiB of host memory (1.0–4.0).
   * Allowed: 1–4.
   * @default 1
   */
  readonly memoryOvercommitRatio?: number;
  /**
   * Restart VMs of a failed host on the other hosts of the cluster.
   * `nssv plan` refuses it today (the agents do not apply it yet); `nssv validate` accepts it.
   * @default false
   */
  readonly haEnabled?: boolean | IResolvable;
  /**
   * Free text shown in listings.
   * @default ""
   */
  readonly description?: string;
}

/**
 * A group of KVM hosts in one data center that share scheduling, overcommit and HA settings.
 * The `nssv_cluster` resource (L1: one Terraform resource, props as in the schema).
 */
export class NssvCluster extends NssvResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'nssv_cluster';

  public constructor(scope: Construct, id: string, config: NssvClusterConfig) {
    super(scope, id, 'nssv_cluster', config);
  }

  /**
   * `id` (a token until Terraform runs). Computed by nssv: Identifier other resources use to refer to this cluster (equal to name).
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
   * `datacenter_id` (a token until Terraform runs). As configured, or as nssv computed it: The data center this cluster belongs to.
   */
  public get datacenterId(): string {
    return this.getStringAttribute('datacenter_id');
  }

  /**
   * `cpu_overcommit_ratio` (a token until Terraform runs). As configured, or as nssv computed it: How many vCPUs the scheduler may place per physical CPU (1.0–4.0).
   */
  public get cpuOvercommitRatio(): number {
    return this.getNumberAttribute('cpu_overcommit_ratio');
  }

  /**
   * `memory_overcommit_ratio` (a token until Terraform runs). As configured, or as nssv computed it: How much guest memory the scheduler may place per MiB of host memory (1.0–4.0).
   */
  public get memoryOvercommitRatio(): number {
    return this.getNumberAttribute('memory_overcommit_ratio');
  }

  /**
   * `ha_enabled` (a token until Terraform runs). As configured, or as nssv computed it: Restart VMs of a failed host on the other hosts of the cluster.
   */
  public get haEnabled(): IResolvable {
    return this.getBooleanAttribute('ha_enabled');
  }

  /**
   * `description` (a token until Terraform runs). As configured, or as nssv computed it: Free text shown in listings.
   */
  public get description(): string {
    return this.getStringAttribute('description');
  }
}
