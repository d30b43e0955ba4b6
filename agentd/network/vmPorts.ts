/**
 * VM ports as Open vSwitch really has them. libvirt plugs a running guest's tap into its bridge
 * when the guest starts and never again: a port deleted out of band (`ovs-vsctl del-port`) leaves
 * the guest running but cut off. Such NICs are "detached"; the switch on that host then counts as
 * incomplete (drift), and the next apply plugs the same tap back with the same tag and the
 * external_ids libvirt gives it (attached-mac, iface-id, vm-id), without touching the guest.
 */
import type { OvsPortRow, PortChange } from '../drivers/ovs-ports.js';

export interface LiveNic {
  domain: string;
  uuid: string;
  switch: string;
  mac: string;
  tag: number | null;
  /** The host-side tap, e.g. vnet3. */
  device: string;
  interfaceId?: string;
}

/** NICs of running domains whose tap is not a port of their switch. */
export function detachedNics(nics: readonly LiveNic[], ports: readonly OvsPortRow[]): LiveNic[] {
  return nics.filter((n) => !ports.some((p) => p.name === n.device && p.bridge === n.switch));
}

export function replugChange(n: LiveNic): PortChange {
  return {
    kind: 'vm-port',
    bridge: n.switch,
    name: n.device,
    tag: n.tag,
    externalIds: {
      'attached-mac': n.mac,
      'vm-id': n.uuid,
      'iface-status': 'active',
      ...(n.interfaceId ? { 'iface-id': n.interfaceId } : {}),
    },
  };
}
