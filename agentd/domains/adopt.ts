import type { UnmanagedDomainInfo } from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';
import { isValidName } from '../names.js';
import type { ParsedDomain } from './domain-parse.js';
import { el, renderXml } from './xml.js';
import { powerStateOf, reportedDisks } from './reported.js';

/** What a domain made outside nssv looks like to `nssv discover` (undefined: a name nssv cannot manage). */
export function unmanagedInfo(p: ParsedDomain, state: string): UnmanagedDomainInfo | undefined {
  if (p.address !== undefined || !isValidName('domain', p.name)) return undefined;
  return {
    name: p.name,
    uuid: p.uuid,
    vcpus: p.vcpus,
    memoryMiB: p.memoryMiB,
    maxVcpus: p.maxVcpus,
    maxMemoryMiB: p.maxMemoryMiB,
    disks: reportedDisks(p),
    nics: p.nics.map((n) => ({ switch: n.switch, mac: n.mac })),
    state,
    powerState: powerStateOf(state),
  };
}

/**
 * The <metadata> element that makes a domain nssv's: its address and the pool/volume behind
 * each disk (the element libvirt namespaces itself; `virsh metadata --key nssv`). Refuses a domain
 * whose disks are not volumes of nssv's dir pools, or that has NICs (no port group to name).
 */
export function adoptionMetadata(p: ParsedDomain, address: string): string {
  const foreign = p.disks.filter((d) => d.pool === '' || d.volume === '');
  if (foreign.length > 0) {
    throw errors.conflict(
      `domain ${JSON.stringify(p.name)} cannot be adopted: its disk ${foreign.map((d) => `${d.target} (${d.path})`).join(', ')} is not a volume of one of nssv's dir pools; move the image to <storage root>/<pool>/<volume>.<format>, point the domain at it, then adopt again`,
    );
  }
  if (p.nics.length > 0) {
    throw errors.conflict(
      `domain ${JSON.stringify(p.name)} cannot be adopted: it has ${p.nics.length} NIC(s), and adopting NICs (which need a port group) is not supported yet; detach them (virsh detach-interface), adopt, then add nic blocks`,
    );
  }
  const metadata = el(
    'resource',
    { address },
    p.disks.map((d) => el('disk', { target: d.target, pool: d.pool, volume: d.volume })),
  );
  return renderXml(metadata).trim();
}
