/**
 * cloud-init for a domain (issue 7): DomainSpec.cloudInit. The agent writes a NoCloud seed
 * (an ISO labelled "cidata": meta-data, user-data, network-config) per domain, attaches it as a
 * CD-ROM, and derives the instance id from the seed's content, so a changed seed is a new
 * instance for cloud-init on the next boot. User data and keys are secrets: never logged.
 */
export interface CloudInitSpec {
  userData: string | null;
  sshAuthorizedKeys: string[];
  /** One entry per NIC of the domain, in order. */
  nics: CloudInitNic[];
}

export type CloudInitNic = CloudInitStaticNic | { dhcp: true };

export interface CloudInitStaticNic {
  /** Address with prefix length: "10.0.0.5/24". */
  address: string;
  gateway: string | null;
  dnsServers: string[];
  dnsDomain: string | null;
}

export interface CloudInitInfo {
  /** Changes whenever the seed's content does (cloud-init then runs per-instance modules again). */
  instanceId: string;
}
