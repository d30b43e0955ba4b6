// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

import type { Construct } from 'constructs';
import type { IResolvable } from '../cdk/types.js';
import { NssvResource, type NssvMetaArguments } from './resource.js';

/**

 */
export interface NssvDistributedSwitchLacp {
  /**
   * active: send LACP packets; passive: only answer them.
   * Allowed: "active", "passive".
   * @default "active"
   */
  readonly mode?: 'active' | 'passive';
  /**
   * How often LACP packets are sent: fast (every second) or slow (every 30 seconds).
   * Allowed: "fast", "slow".
   * @default "slow"
   */
  readonly rate?: 'fast' | 'slow';
}

/**
 * Props of {@link NssvDistributedSwitch}: the attributes of `nssv_distributed_switch` in camelCase, plus Terraform's meta-arguments.
 */
export interface NssvDistributedSwitchConfig extends NssvMetaArguments {
  /**
   * Bridge name on every host: lower-case letters, digits and '-', starting with a letter, at most 15 characters (a Linux interface name).
   * Changing it replaces the resource.
   */
  readonly name: string;
  /**
   * The data center this switch belongs to.
   * Changing it replaces the resource.
   */
  readonly datacenterId: string;
  /**
   * Clusters whose hosts carry the switch.
   */
  readonly clusterIds: string[];
  /**
   * MTU of the bridge and its ports (1280–9000).
   * Allowed: 1280–9000.
   * @default 1500
   */
  readonly mtu?: number;
  /**
   * How port groups are separated between hosts: vlan (802.1Q tags on the uplinks) or vxlan (an overlay of VXLAN tunnels between the hosts; port groups then carry a vni).
   * Allowed: "vlan", "vxlan".
   * @default "vlan"
   * Changing it replaces the resource.
   */
  readonly transport?: 'vlan' | 'vxlan';
  /**
   * Physical NICs on each host that connect the bridge to the network (at most 8). Two or more form a bond. Default: none (the switch is internal to each host, or reaches other hosts only through VXLAN). Changed in place.
   * @default []
   */
  readonly uplinks?: string[];
  /**
   * How a bond of two or more uplinks shares traffic: active-backup (one NIC carries traffic, the others take over on failure), balance-slb (by source MAC and VLAN, no switch support needed) or balance-tcp (by L3/L4 hash; needs LACP). Changed in place.
   * Allowed: "active-backup", "balance-slb", "balance-tcp".
   * @default "active-backup"
   */
  readonly bondMode?: 'active-backup' | 'balance-slb' | 'balance-tcp';
  /**
   * LACP (802.3ad) negotiation on the bond; required for balance-tcp. Needs at least two uplinks. Changed in place.
   * @default []
   */
  readonly lacp?: NssvDistributedSwitchLacp[] | IResolvable;
  /**
   * UDP port of the VXLAN tunnels (vxlan transport only; IANA default 4789).
   * Allowed: 1–65535.
   * @default 4789
   * Changing it replaces the resource.
   */
  readonly vxlanPort?: number;
}

/**
 * A distributed switch: one Open vSwitch bridge of the same name on every host of its clusters.
 * The `nssv_distributed_switch` resource (L1: one Terraform resource, props as in the schema).
 */
export class NssvDistributedSwitch extends NssvResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'nssv_distributed_switch';

  public constructor(scope: Construct, id: string, config: NssvDistributedSwitchConfig) {
    super(scope, id, 'nssv_distributed_switch', config);
  }

  /**
   * `id` (a token until Terraform runs). Computed by nssv: Identifier other resources use to refer to this switch (equal to name).
   */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * `name` (a token until Terraform runs). As configured, or as nssv computed it: Bridge name on every host: lower-case letters, digits and '-', starting with a letter, at most 15 characters (a Linux interface name).
   */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  /**
   * `datacenter_id` (a token until Terraform runs). As configured, or as nssv computed it: The data center this switch belongs to.
   */
  public get datacenterId(): string {
    return this.getStringAttribute('datacenter_id');
  }

  /**
   * `cluster_ids` (a token until Terraform runs). As configured, or as nssv computed it: Clusters whose hosts carry the switch.
   */
  public get clusterIds(): string[] {
    return this.getListAttribute('cluster_ids');
  }

  /**
   * `mtu` (a token until Terraform runs). As configured, or as nssv computed it: MTU of the bridge and its ports (1280–9000).
   */
  public get mtu(): number {
    return this.getNumberAttribute('mtu');
  }

  /**
   * `transport` (a token until Terraform runs). As configured, or as nssv computed it: How port groups are separated between hosts: vlan (802.1Q tags on the uplinks) or vxlan (an overlay of VXLAN tunnels between the hosts; port groups then carry a vni).
   */
  public get transport(): string {
    return this.getStringAttribute('transport');
  }

  /**
   * `host_ids` (a token until Terraform runs). Computed by nssv: Hosts that carry the bridge: every host of the switch's clusters (computed at plan time).
   */
  public get hostIds(): string[] {
    return this.getListAttribute('host_ids');
  }

  /**
   * `uplinks` (a token until Terraform runs). As configured, or as nssv computed it: Physical NICs on each host that connect the bridge to the network (at most 8). Two or more form a bond. Default: none (the switch is internal to each host, or reaches other hosts only through VXLAN). Changed in place.
   */
  public get uplinks(): string[] {
    return this.getListAttribute('uplinks');
  }

  /**
   * `bond_mode` (a token until Terraform runs). As configured, or as nssv computed it: How a bond of two or more uplinks shares traffic: active-backup (one NIC carries traffic, the others take over on failure), balance-slb (by source MAC and VLAN, no switch support needed) or balance-tcp (by L3/L4 hash; needs LACP). Changed in place.
   */
  public get bondMode(): string {
    return this.getStringAttribute('bond_mode');
  }

  /**
   * `lacp` (a token until Terraform runs). As configured, or as nssv computed it: LACP (802.3ad) negotiation on the bond; required for balance-tcp. Needs at least two uplinks. Changed in place.
   */
  public get lacp(): IResolvable {
    return this.interpolationForAttribute('lacp');
  }

  /**
   * `vxlan_port` (a token until Terraform runs). As configured, or as nssv computed it: UDP port of the VXLAN tunnels (vxlan transport only; IANA default 4789).
   */
  public get vxlanPort(): number {
    return this.getNumberAttribute('vxlan_port');
  }
}
