import type { DiskBus, VolumeFormat } from '../../schemas/generated/agentApi.js';
import { type DiskDefinition, type DomainDefinition, type NicDefinition, NSSV_XMLNS } from './definition.js';
import { child, children, parseXml, path, type XmlElement } from './xml.js';
import { fromLibvirtAttrs } from '../pci/pciAddress.js';

/** A domain read back from `virsh dumpxml`; `address` is undefined when nssv does not manage it. */
export type ParsedDomain = Omit<DomainDefinition, 'address' | 'type' | 'nics'> & {
  type: string;
  address: string | undefined;
  nics: ParsedNic[];
};

/** A NIC as the XML has it; the live XML also names the host-side tap and its OVS interface id. */
export type ParsedNic = NicDefinition & { device?: string; interfaceId?: string };

/** Finds the pool and volume behind an image path when the metadata does not say. */
export type VolumeLocator = (path: string) => { pool: string; volume: string } | undefined;

export function parseDomainXml(xml: string, locate: VolumeLocator = () => undefined): ParsedDomain {
  const root = parseXml(xml);
  if (root.name !== 'domain') throw new Error(`expected a <domain> document, got <${root.name}>`);
  const resource = nssvResource(child(root, 'metadata'));
  const metaDisks = new Map(
    children(resource, localChild(resource, 'disk')).map((e) => [e.attrs.target, e.attrs]),
  );
  const metaNics = new Map(
    children(resource, localChild(resource, 'nic')).map((e) => [e.attrs.mac, e.attrs]),
  );
  const tagElements = children(resource, localChild(resource, 'tag'));
  const tags = Object.fromEntries(tagElements.map((e) => [e.attrs.key ?? '', e.attrs.value ?? '']));
  const devices = child(root, 'devices');

  const disks: DiskDefinition[] = children(devices, 'disk')
    .filter((d) => (d.attrs.device ?? 'disk') === 'disk')
    .map((d) => {
      const target = path(d, 'target')?.attrs.dev ?? '';
      const source = path(d, 'source')?.attrs ?? {};
      // An RBD network disk is named like its volume's path: rbd:<ceph pool>/<image>.
      const file = source.protocol === 'rbd' ? `rbd:${source.name ?? ''}` : (source.file ?? '');
      const meta = metaDisks.get(target);
      const located = meta?.pool && meta.volume ? { pool: meta.pool, volume: meta.volume } : locate(file);
      return {
        pool: located?.pool ?? '',
        volume: located?.volume ?? '',
        path: file,
        format: (path(d, 'driver')?.attrs.type ?? 'raw') as VolumeFormat,
        target,
        bus: (path(d, 'target')?.attrs.bus ?? 'virtio') as DiskBus,
        bootOrder: path(d, 'boot')?.attrs.order === undefined ? null : Number(path(d, 'boot')!.attrs.order),
      };
    });

  const nics: ParsedNic[] = children(devices, 'interface').map((n) => {
    const mac = (path(n, 'mac')?.attrs.address ?? '').toLowerCase();
    const tag = path(n, 'vlan', 'tag')?.attrs.id;
    const meta = metaNics.get(mac);
    return {
      switch: path(n, 'source')?.attrs.bridge ?? meta?.switch ?? '',
      portGroup: meta?.['port-group'] ?? '',
      vlanId: tag === undefined ? null : Number(tag),
      mac,
      ip: meta?.ip ?? null,
      securityGroups: meta?.['security-groups'] ? meta['security-groups'].split(',') : [],
      ...(path(n, 'target')?.attrs.dev ? { device: path(n, 'target')!.attrs.dev! } : {}),
      ...(path(n, 'virtualport', 'parameters')?.attrs.interfaceid
        ? { interfaceId: path(n, 'virtualport', 'parameters')!.attrs.interfaceid! }
        : {}),
    };
  });

  const seedMeta = children(resource, localChild(resource, 'cloud-init'))[0];
  const seedDisk = children(devices, 'disk').find(
    (d) => d.attrs.device === 'cdrom' && path(d, 'target')?.attrs.dev === 'hdc',
  );
  const seedPath = seedDisk ? path(seedDisk, 'source')?.attrs.file : undefined;
  const seed =
    seedMeta?.attrs['instance-id'] && seedPath
      ? {
          path: seedPath,
          instanceId: seedMeta.attrs['instance-id'],
          ...(seedMeta.attrs.sha256 ? { sha256: seedMeta.attrs.sha256 } : {}),
        }
      : undefined;

  // PCI passthrough: <hostdev mode='subsystem' type='pci'><source><address domain= bus= slot= function=/>.
  const pciDevices = children(devices, 'hostdev')
    .filter((h) => h.attrs.type === 'pci' && (h.attrs.mode ?? 'subsystem') === 'subsystem')
    .map((h) => fromLibvirtAttrs(path(h, 'source', 'address')?.attrs ?? {}))
    .filter((a): a is string => a !== undefined);

  const consoleLog = children(devices, 'serial')
    .map((x) => path(x, 'log')?.attrs.file)
    .find((f) => f !== undefined);
  return {
    ...(seed ? { seed } : {}),
    ...(consoleLog ? { consoleLog } : {}),
    onCrash: child(root, 'on_crash')?.text.trim() || 'destroy',
    name: child(root, 'name')?.text.trim() ?? '',
    uuid: child(root, 'uuid')?.text.trim() ?? '',
    type: root.attrs.type ?? '',
    address: resource?.attrs.address,
    vcpus: Number(child(root, 'vcpu')?.attrs.current ?? child(root, 'vcpu')?.text.trim() ?? 0),
    maxVcpus: Number(child(root, 'vcpu')?.text.trim() ?? 0),
    memoryMiB: memoryMiB(child(root, 'currentMemory') ?? child(root, 'memory')),
    maxMemoryMiB: memoryMiB(child(root, 'memory')),
    disks,
    nics,
    ...(pciDevices.length > 0 ? { pciDevices } : {}),
    ...(tagElements.length > 0 ? { tags } : {}),
  };
}

/** Our element in <metadata>: any prefix, bound to the nssv namespace. */
function nssvResource(metadata: XmlElement | undefined): XmlElement | undefined {
  return metadata?.children.find((e) => {
    const [prefix, local] = e.name.includes(':') ? e.name.split(':') : ['', e.name];
    const ns = prefix ? e.attrs[`xmlns:${prefix}`] : e.attrs.xmlns;
    return local === 'resource' && ns === NSSV_XMLNS;
  });
}

function localChild(resource: XmlElement | undefined, local: string): string {
  const prefix = resource?.name.includes(':') ? resource.name.split(':')[0] : '';
  return prefix ? `${prefix}:${local}` : local;
}

const UNIT_BYTES: Record<string, number> = {
  b: 1,
  bytes: 1,
  k: 1024,
  kib: 1024,
  kb: 1000,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  mb: 1000 ** 2,
  g: 1024 ** 3,
  gib: 1024 ** 3,
  gb: 1000 ** 3,
};

function memoryMiB(e: XmlElement | undefined): number {
  if (!e) return 0;
  const unit = (e.attrs.unit ?? 'KiB').toLowerCase();
  return (Number(e.text.trim()) * (UNIT_BYTES[unit] ?? 1024)) / 1024 ** 2;
}
