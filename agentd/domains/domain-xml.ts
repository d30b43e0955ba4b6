import {
  type DiskDefinition,
  type DomainDefinition,
  type NicDefinition,
  NSSV_XMLNS,
  SEED_TARGET,
} from './definition.js';
import { el, renderXml, type XmlNode } from './xml.js';
import { libvirtAddressAttrs, parsePciAddress } from '../pci/pciAddress.js';

const OFFLOAD_OFF = { csum: 'off', tso4: 'off', tso6: 'off' };

/**
 * libvirt domain XML for a definition: hvm guest, virtio disks and NICs on OVS bridges (VLAN
 * tag from the port group; checksum offload off, which the OVS userspace datapath needs), a
 * serial console on a pty, <on_crash> restart with a pvpanic device for HA VMs (else destroy), and nssv's metadata (address, and the pool/volume and port group
 * names behind each disk and NIC, and the VM's tags) so inventory needs no state file.
 */
export function domainXml(d: DomainDefinition): string {
  const memoryKiB = String(d.memoryMiB * 1024);
  const metadata = el('nssv:resource', { 'xmlns:nssv': NSSV_XMLNS, address: d.address }, [
    ...d.disks.map((x) => el('nssv:disk', { target: x.target, pool: x.pool, volume: x.volume })),
    ...d.nics.map((x) =>
      el('nssv:nic', {
        mac: x.mac,
        switch: x.switch,
        'port-group': x.portGroup,
        ...(x.ip === null ? {} : { ip: x.ip }),
        ...(x.securityGroups.length === 0 ? {} : { 'security-groups': x.securityGroups.join(',') }),
      }),
    ),
    ...Object.keys(d.tags ?? {})
      .sort()
      .map((key) => el('nssv:tag', { key, value: d.tags![key]! })),
    ...(d.seed
      ? [
          el('nssv:cloud-init', {
            'instance-id': d.seed.instanceId,
            ...(d.seed.sha256 ? { sha256: d.seed.sha256 } : {}),
          }),
        ]
      : []),
  ]);
  const disks = d.disks.map(diskElement);
  // The NoCloud seed: a read-only IDE CD-ROM (present on every machine type's default board).
  const seed = d.seed
    ? [
        el('disk', { type: 'file', device: 'cdrom' }, [
          el('driver', { name: 'qemu', type: 'raw' }),
          el('source', { file: d.seed.path }),
          el('target', { dev: SEED_TARGET, bus: 'ide' }),
          el('readonly'),
        ]),
      ]
    : [];
  const nics = d.nics.map(nicElement);
  const domain = el('domain', { type: d.type }, [
    el('name', {}, d.name),
    el('uuid', {}, d.uuid),
    el('metadata', {}, [metadata]),
    el('memory', { unit: 'KiB' }, String(d.maxMemoryMiB * 1024)),
    el('currentMemory', { unit: 'KiB' }, memoryKiB),
    el('vcpu', { current: String(d.vcpus) }, String(d.maxVcpus)),
    // Per-disk <boot order> and <os><boot dev> exclude each other (libvirt refuses both).
    el('os', {}, [
      el('type', { arch: 'x86_64' }, 'hvm'),
      ...(d.disks.some((x) => x.bootOrder !== null) ? [] : [el('boot', { dev: 'hd' })]),
    ]),
    el('features', {}, [el('acpi'), el('apic')]),
    el('on_poweroff', {}, 'destroy'),
    el('on_reboot', {}, 'restart'),
    el('on_crash', {}, d.onCrash ?? 'destroy'),
    el('devices', {}, [
      ...(d.disks.some((x) => x.bus === 'scsi')
        ? [el('controller', { type: 'scsi', index: 0, model: 'virtio-scsi' })]
        : []),
      ...disks,
      ...seed,
      ...nics,
      ...(d.pciDevices ?? []).map(hostdevElement),
      el('serial', { type: 'pty' }, [
        ...(d.consoleLog ? [el('log', { file: d.consoleLog, append: 'on' })] : []),
        el('target', { port: 0 }),
      ]),
      el('console', { type: 'pty' }, [el('target', { type: 'serial', port: 0 })]),
      // pvpanic: a guest kernel panic reaches QEMU, and libvirt then applies <on_crash>.
      ...(d.onCrash === 'restart' ? [el('panic', { model: 'isa' })] : []),
    ]),
  ]);
  return renderXml(domain);
}

/** One disk of the domain (also what is hot-plugged). */
export function diskElement(x: DiskDefinition): XmlNode {
  if (x.rbd) {
    return el('disk', { type: 'network', device: 'disk' }, [
      el('driver', { name: 'qemu', type: 'raw', cache: 'writeback' }),
      el('auth', { username: x.rbd.user }, [el('secret', { type: 'ceph', uuid: x.rbd.secretUuid })]),
      el(
        'source',
        { protocol: 'rbd', name: x.rbd.name },
        x.rbd.hosts.map((h) => el('host', { name: h.name, port: h.port })),
      ),
      ...diskTail(x),
    ]);
  }
  return el('disk', { type: 'file', device: 'disk' }, [
    el('driver', { name: 'qemu', type: x.format }),
    el('source', { file: x.path }),
    ...diskTail(x),
  ]);
}

/** The guest-facing part of a disk: its device name on its bus, and its boot order when it has one. */
function diskTail(x: DiskDefinition): XmlNode[] {
  return [
    el('target', { dev: x.target, bus: x.bus }),
    ...(x.bootOrder === null ? [] : [el('boot', { order: x.bootOrder })]),
  ];
}

/** One NIC on its OVS bridge (also what is hot-plugged). */
export function nicElement(x: NicDefinition): XmlNode {
  const parts: XmlNode[] = [el('source', { bridge: x.switch }), el('virtualport', { type: 'openvswitch' })];
  if (x.vlanId !== null) parts.push(el('vlan', {}, [el('tag', { id: x.vlanId })]));
  parts.push(
    el('mac', { address: x.mac }),
    el('model', { type: 'virtio' }),
    el('driver', {}, [el('host', OFFLOAD_OFF), el('guest', OFFLOAD_OFF)]),
  );
  return el('interface', { type: 'bridge' }, parts);
}

/**
 * A host PCI device passed through: libvirt detaches it from its host driver and binds it to
 * vfio-pci when the domain starts (managed='yes'), and gives it back when the domain stops.
 */
export function hostdevElement(address: string): XmlNode {
  const parts = parsePciAddress(address);
  if (!parts) throw new Error(`not a PCI address: ${JSON.stringify(address)}`);
  return el('hostdev', { mode: 'subsystem', type: 'pci', managed: 'yes' }, [
    el('source', {}, [el('address', libvirtAddressAttrs(parts))]),
  ]);
}
