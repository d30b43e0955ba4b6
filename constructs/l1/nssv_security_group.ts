// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

import type { Construct } from 'constructs';
import type { IResolvable } from '../cdk/types.js';
import { NssvResource, type NssvMetaArguments } from './resource.js';

/**

 */
export interface NssvSecurityGroupRule {
  /**
   * ingress: traffic to the VM's NIC; egress: traffic from it.
   * Allowed: "ingress", "egress".
   */
  readonly direction: 'ingress' | 'egress';
  /**
   * IP protocol the rule matches: tcp, udp, icmp or all.
   * Allowed: "tcp", "udp", "icmp", "all".
   * @default "all"
   */
  readonly protocol?: 'tcp' | 'udp' | 'icmp' | 'all';
  /**
   * First port of the range (1–65535); tcp and udp only. Default: all ports.
   * Allowed: 1–65535.
   * @default null
   */
  readonly portFrom?: number;
  /**
   * Last port of the range (1–65535), at least port_from; tcp and udp only. Default: port_from.
   * Allowed: 1–65535.
   * @default null
   */
  readonly portTo?: number;
  /**
   * Remote IPv4 network the rule matches, e.g. 10.0.0.0/24. Set at most one of cidr and peer_security_group_id; neither matches any address.
   * @default null
   */
  readonly cidr?: string;
  /**
   * Match traffic from (ingress) or to (egress) the NICs of this security group instead of a CIDR.
   * @default null
   */
  readonly peerSecurityGroupId?: string;
  /**
   * What to do with matching traffic: allow or deny.
   * Allowed: "allow", "deny".
   * @default "allow"
   */
  readonly action?: 'allow' | 'deny';
  /**
   * Evaluation order (1–1000): lower numbers are checked first; the first matching rule decides.
   * Allowed: 1–1000.
   * @default 100
   */
  readonly priority?: number;
  /**
   * Free text for the rule.
   * @default ""
   */
  readonly description?: string;
}

/**
 * Props of {@link NssvSecurityGroup}: the attributes of `nssv_security_group` in camelCase, plus Terraform's meta-arguments.
 */
export interface NssvSecurityGroupConfig extends NssvMetaArguments {
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  readonly name: string;
  /**
   * The data center the group belongs to.
   * Changing it replaces the resource.
   */
  readonly datacenterId: string;
  /**
   * Firewall rules (at most 256). Changed in place.
   * @default []
   */
  readonly rule?: NssvSecurityGroupRule[] | IResolvable;
  /**
   * Free text shown in listings.
   * @default ""
   */
  readonly description?: string;
}

/**
 * A distributed firewall: stateful rules applied (as Open vSwitch conntrack flows) to every VM NIC that lists the group in security_group_ids. Traffic no rule allows is dropped; rules change in place.
 * The `nssv_security_group` resource (L1: one Terraform resource, props as in the schema).
 */
export class NssvSecurityGroup extends NssvResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'nssv_security_group';

  public constructor(scope: Construct, id: string, config: NssvSecurityGroupConfig) {
    super(scope, id, 'nssv_security_group', config);
  }

  /**
   * `id` (a token until Terraform runs). Computed by nssv: Identifier other resources use to refer to this security group (equal to name).
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
   * `datacenter_id` (a token until Terraform runs). As configured, or as nssv computed it: The data center the group belongs to.
   */
  public get datacenterId(): string {
    return this.getStringAttribute('datacenter_id');
  }

  /**
   * `rule` (a token until Terraform runs). As configured, or as nssv computed it: Firewall rules (at most 256). Changed in place.
   */
  public get rule(): IResolvable {
    return this.interpolationForAttribute('rule');
  }

  /**
   * `description` (a token until Terraform runs). As configured, or as nssv computed it: Free text shown in listings.
   */
  public get description(): string {
    return this.getStringAttribute('description');
  }

  /**
   * `host_ids` (a token until Terraform runs). Computed by nssv: Hosts the group is installed on: every host of the data center's clusters (computed at plan time).
   */
  public get hostIds(): string[] {
    return this.getListAttribute('host_ids');
  }

  /**
   * `peer_addresses` (a token until Terraform runs). Computed by nssv: For each peer group the rules name (peer_security_group_id): the IPv4 addresses of the NICs in it, computed at plan time from their ip; the rules match these addresses, so a NIC joining or leaving a peer group updates this group in place.
   */
  public get peerAddresses(): { [key: string]: string } {
    return this.getStringMapAttribute('peer_addresses');
  }
}
