// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

import type { Construct } from 'constructs';
import type { IResolvable } from '../cdk/types.js';
import { NssvResource, type NssvMetaArguments } from './resource.js';

/**

 */
export interface NssvPortGroupDhcp {
  /**
   * First address handed out; inside cidr.
   */
  readonly start: string;
  /**
   * Last address handed out; inside cidr, not before start.
   */
  readonly end: string;
  /**
   * Lease time in seconds (60–31536000).
   * Allowed: 60–31536000.
   * @default 86400
   */
  readonly leaseSeconds?: number;
}

/**
 * Props of {@link NssvPortGroup}: the attributes of `nssv_port_group` in camelCase, plus Terraform's meta-arguments.
 */
export interface NssvPortGroupConfig extends NssvMetaArguments {
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  readonly name: string;
  /**
   * The distributed switch the port group belongs to.
   * Changing it replaces the resource.
   */
  readonly switchId: string;
  /**
   * 802.1Q VLAN tag of the group's ports (1–4094); null for untagged.
   * Allowed: 1–4094.
   * @default null
   */
  readonly vlanId?: number;
  /**
   * VXLAN network identifier (1–16777215) of the group's segment. Required on a switch with vxlan transport, not allowed with vlan.
   * Allowed: 1–16777215.
   * @default null
   * Changing it replaces the resource.
   */
  readonly vni?: number;
  /**
   * IPv4 subnet of the group, e.g. 10.0.0.0/24. Needed for gateway, dhcp and NIC addresses.
   * @default null
   */
  readonly cidr?: string;
  /**
   * Default gateway handed to VMs; an address inside cidr.
   * @default null
   */
  readonly gateway?: string;
  /**
   * Serve DHCP on the group from a range inside cidr. Changed in place.
   * `nssv plan` refuses it today (the agents do not apply it yet); `nssv validate` accepts it.
   * @default []
   */
  readonly dhcp?: NssvPortGroupDhcp[] | IResolvable;
  /**
   * DNS servers handed to VMs (at most 3). Changed in place.
   * @default []
   */
  readonly dnsServers?: string[];
  /**
   * Search domain handed to VMs. Default: none.
   * @default ""
   */
  readonly dnsDomain?: string;
  /**
   * Free text shown in listings.
   * @default ""
   */
  readonly description?: string;
}

/**
 * A distributed port group: ports of one switch that share a network configuration (a VLAN, or a VXLAN segment), optionally with an IPv4 subnet, DHCP and DNS.
 * The `nssv_port_group` resource (L1: one Terraform resource, props as in the schema).
 */
export class NssvPortGroup extends NssvResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'nssv_port_group';

  public constructor(scope: Construct, id: string, config: NssvPortGroupConfig) {
    super(scope, id, 'nssv_port_group', config);
  }

  /**
   * `id` (a token until Terraform runs). Computed by nssv: Identifier other resources use to refer to this port group (equal to name).
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
   * `switch_id` (a token until Terraform runs). As configured, or as nssv computed it: The distributed switch the port group belongs to.
   */
  public get switchId(): string {
    return this.getStringAttribute('switch_id');
  }

  /**
   * `vlan_id` (a token until Terraform runs). As configured, or as nssv computed it: 802.1Q VLAN tag of the group's ports (1–4094); null for untagged.
   */
  public get vlanId(): number {
    return this.getNumberAttribute('vlan_id');
  }

  /**
   * `vni` (a token until Terraform runs). As configured, or as nssv computed it: VXLAN network identifier (1–16777215) of the group's segment. Required on a switch with vxlan transport, not allowed with vlan.
   */
  public get vni(): number {
    return this.getNumberAttribute('vni');
  }

  /**
   * `cidr` (a token until Terraform runs). As configured, or as nssv computed it: IPv4 subnet of the group, e.g. 10.0.0.0/24. Needed for gateway, dhcp and NIC addresses.
   */
  public get cidr(): string {
    return this.getStringAttribute('cidr');
  }

  /**
   * `gateway` (a token until Terraform runs). As configured, or as nssv computed it: Default gateway handed to VMs; an address inside cidr.
   */
  public get gateway(): string {
    return this.getStringAttribute('gateway');
  }

  /**
   * `dhcp` (a token until Terraform runs). As configured, or as nssv computed it: Serve DHCP on the group from a range inside cidr. Changed in place.
   */
  public get dhcp(): IResolvable {
    return this.interpolationForAttribute('dhcp');
  }

  /**
   * `dns_servers` (a token until Terraform runs). As configured, or as nssv computed it: DNS servers handed to VMs (at most 3). Changed in place.
   */
  public get dnsServers(): string[] {
    return this.getListAttribute('dns_servers');
  }

  /**
   * `dns_domain` (a token until Terraform runs). As configured, or as nssv computed it: Search domain handed to VMs. Default: none.
   */
  public get dnsDomain(): string {
    return this.getStringAttribute('dns_domain');
  }

  /**
   * `description` (a token until Terraform runs). As configured, or as nssv computed it: Free text shown in listings.
   */
  public get description(): string {
    return this.getStringAttribute('description');
  }

  /**
   * `host_ids` (a token until Terraform runs). Computed by nssv: Hosts the port group is configured on: those of its switch (computed at plan time).
   */
  public get hostIds(): string[] {
    return this.getListAttribute('host_ids');
  }
}
