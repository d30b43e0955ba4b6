// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

import type { Construct } from 'constructs';
import { NssvResource, type NssvMetaArguments } from './resource.js';

/**
 * Props of {@link NssvSchedulingGroup}: the attributes of `nssv_scheduling_group` in camelCase, plus Terraform's meta-arguments.
 */
export interface NssvSchedulingGroupConfig extends NssvMetaArguments {
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  readonly name: string;
  /**
   * The cluster the group's VMs run in.
   * Changing it replaces the resource.
   */
  readonly clusterId: string;
  /**
   * vm-anti-affinity: each VM on a different host; vm-affinity: all VMs on one host; vm-host-affinity: VMs only on the hosts of host_group_id; vm-host-anti-affinity: VMs never on those hosts.
   * Allowed: "vm-anti-affinity", "vm-affinity", "vm-host-affinity", "vm-host-anti-affinity".
   */
  readonly policy: 'vm-anti-affinity' | 'vm-affinity' | 'vm-host-affinity' | 'vm-host-anti-affinity';
  /**
   * mandatory: a VM that cannot follow the policy is not placed (plan error); preferred: the scheduler follows it when it can.
   * Allowed: "mandatory", "preferred".
   * @default "preferred"
   */
  readonly mode?: 'mandatory' | 'preferred';
  /**
   * The host group of a vm-host-affinity or vm-host-anti-affinity policy; required for those, not allowed for the others.
   * @default null
   */
  readonly hostGroupId?: string;
  /**
   * Free text shown in listings.
   * @default ""
   */
  readonly description?: string;
}

/**
 * A placement rule for the VMs that name it in scheduling_group_id: keep them apart (vm-anti-affinity), together (vm-affinity), on a host group (vm-host-affinity) or off it (vm-host-anti-affinity).
 * The `nssv_scheduling_group` resource (L1: one Terraform resource, props as in the schema).
 */
export class NssvSchedulingGroup extends NssvResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'nssv_scheduling_group';

  public constructor(scope: Construct, id: string, config: NssvSchedulingGroupConfig) {
    super(scope, id, 'nssv_scheduling_group', config);
  }

  /**
   * `id` (a token until Terraform runs). Computed by nssv: Identifier other resources use to refer to this scheduling group (equal to name).
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
   * `cluster_id` (a token until Terraform runs). As configured, or as nssv computed it: The cluster the group's VMs run in.
   */
  public get clusterId(): string {
    return this.getStringAttribute('cluster_id');
  }

  /**
   * `policy` (a token until Terraform runs). As configured, or as nssv computed it: vm-anti-affinity: each VM on a different host; vm-affinity: all VMs on one host; vm-host-affinity: VMs only on the hosts of host_group_id; vm-host-anti-affinity: VMs never on those hosts.
   */
  public get policy(): string {
    return this.getStringAttribute('policy');
  }

  /**
   * `mode` (a token until Terraform runs). As configured, or as nssv computed it: mandatory: a VM that cannot follow the policy is not placed (plan error); preferred: the scheduler follows it when it can.
   */
  public get mode(): string {
    return this.getStringAttribute('mode');
  }

  /**
   * `host_group_id` (a token until Terraform runs). As configured, or as nssv computed it: The host group of a vm-host-affinity or vm-host-anti-affinity policy; required for those, not allowed for the others.
   */
  public get hostGroupId(): string {
    return this.getStringAttribute('host_group_id');
  }

  /**
   * `description` (a token until Terraform runs). As configured, or as nssv computed it: Free text shown in listings.
   */
  public get description(): string {
    return this.getStringAttribute('description');
  }
}
