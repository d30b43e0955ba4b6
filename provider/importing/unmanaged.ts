import type {
  DomainInfo,
  UnmanagedDomainInfo,
  UnmanagedVolumeInfo,
} from '../../schemas/generated/agentApi.js';

/** Why a domain made outside nssv cannot be adopted as it is (undefined: it can). */
export function unmanagedDomainProblem(d: UnmanagedDomainInfo): string | undefined {
  const foreign = d.disks.filter((x) => x.pool === '' || x.volume === '');
  if (foreign.length > 0)
    return `the domain "${d.name}" was made outside nssv and its disk ${foreign.map((x) => `${x.target} (${x.path})`).join(', ')} is not in one of nssv's dir pools; move the image to <storage root>/<pool>/<volume>.<format> and point the domain at it first`;
  if (d.nics.length > 0)
    return `the domain "${d.name}" was made outside nssv and has ${d.nics.length} NIC(s); adopting NICs (which need a port group) is not supported yet: detach them (virsh detach-interface --config), import, then add nic blocks`;
  return undefined;
}

/** Why an image file put into a pool by hand cannot be adopted as a volume (undefined: it can). */
export function unmanagedVolumeProblem(v: UnmanagedVolumeInfo): string | undefined {
  if (v.backingFile !== undefined)
    return `${v.path} is an overlay of ${v.backingFile}, which nssv does not manage; flatten it first (qemu-img rebase -b "" -F ${v.format} ${v.path})`;
  if (!Number.isInteger(v.sizeGiB))
    return `${v.path} is ${v.sizeGiB} GiB, not a whole number of GiB as nssv volumes are; grow it first (qemu-img resize ${v.path} ${Math.ceil(v.sizeGiB)}G)`;
  return undefined;
}

/** A domain made outside nssv as the agent will report it once adopted (no tags, no seed). */
export function asDomainInfo(d: UnmanagedDomainInfo): DomainInfo {
  return {
    name: d.name,
    uuid: d.uuid,
    address: '',
    vcpus: d.vcpus,
    memoryMiB: d.memoryMiB,
    maxVcpus: d.maxVcpus,
    maxMemoryMiB: d.maxMemoryMiB,
    disks: d.disks,
    nics: [],
    tags: {},
    state: d.state,
    powerState: d.powerState,
  };
}
