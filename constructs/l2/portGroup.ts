import type { Construct } from 'constructs';
import { NssvPortGroup } from '../l1/nssv_port_group.js';
import { NssvConstruct } from './base.js';
import type { Duration } from './duration.js';
import type { IDistributedSwitch } from './refs.js';

export interface DhcpOptions {
  /** First address handed out. */
  readonly start: string;
  /** Last address handed out. */
  readonly end: string;
  /** How long a lease lasts. @default the schema's default */
  readonly leaseTime?: Duration;
}

export interface PortGroupOptions {
  /** @default the construct id */
  readonly name?: string;
  /** VLAN tag (vlan switches). */
  readonly vlanId?: number;
  /** VXLAN segment id (vxlan switches). */
  readonly vni?: number;
  /** IPv4 subnet, e.g. 10.0.1.0/24. */
  readonly cidr?: string;
  readonly gateway?: string;
  readonly dhcp?: DhcpOptions;
  readonly dnsServers?: string[];
  readonly dnsDomain?: string;
  readonly description?: string;
}

export interface PortGroupProps extends PortGroupOptions {
  readonly switch: IDistributedSwitch;
}

/**
 * Ports with one network configuration on a distributed switch (nssv_port_group). Usually made with
 * {@link DistributedSwitch.addPortGroup}. vlanId, vni, cidr, gateway and DNS are applied (addresses
 * reach guests through cloud-init); dhcp is part of the model but refused by `nssv plan` until the
 * agents serve DHCP.
 */
export class PortGroup extends NssvConstruct<NssvPortGroup> {
  public constructor(scope: Construct, id: string, props: PortGroupProps) {
    const dhcp = props.dhcp && {
      start: props.dhcp.start,
      end: props.dhcp.end,
      leaseSeconds: props.dhcp.leaseTime?.toSeconds(),
    };
    super(
      scope,
      id,
      (s) =>
        new NssvPortGroup(s, 'Resource', {
          name: props.name ?? id,
          switchId: props.switch.switchId,
          vlanId: props.vlanId,
          vni: props.vni,
          cidr: props.cidr,
          gateway: props.gateway,
          dhcp: dhcp ? [dhcp] : undefined,
          dnsServers: props.dnsServers,
          dnsDomain: props.dnsDomain,
          description: props.description,
        }),
      { switch_id: 'switch', 'dhcp.lease_seconds': 'dhcp.leaseTime' },
    );
  }

  public get portGroupId(): string {
    return this.refId;
  }
}
