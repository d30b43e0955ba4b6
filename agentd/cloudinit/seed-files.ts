import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import type { CloudInitNic, CloudInitSpec } from '../../schemas/generated/agentApi.js';

export interface SeedNic {
  mac: string;
  config: CloudInitNic;
}

export interface SeedFiles {
  instanceId: string;
  'meta-data': string;
  'user-data': string;
  'network-config': string;
}

/**
 * The three files of a NoCloud seed. The instance id is a digest of the domain's UUID and
 * everything else in the seed: same inputs, same id; any change, a new id.
 */
export function seedFiles(
  name: string,
  uuid: string,
  spec: CloudInitSpec,
  nics: readonly SeedNic[],
): SeedFiles {
  const userData = spec.userData ?? '#cloud-config\n{}\n';
  const network = networkConfig(nics);
  const keys = spec.sshAuthorizedKeys.map((k) => k.trim());
  const digest = createHash('sha256')
    .update(JSON.stringify({ uuid, name, userData, network, keys }))
    .digest('hex')
    .slice(0, 16);
  const instanceId = `nssv-${uuid.slice(0, 8)}-${digest}`;
  const meta = {
    'instance-id': instanceId,
    'local-hostname': name,
    ...(keys.length > 0 ? { 'public-keys': keys } : {}),
  };
  return {
    instanceId,
    'meta-data': stringify(meta, { lineWidth: 0 }),
    'user-data': userData,
    'network-config': network,
  };
}

/** cloud-init network config version 2: each NIC matched by MAC, named eth0, eth1, … */
export function networkConfig(nics: readonly SeedNic[]): string {
  const ethernets: Record<string, unknown> = {};
  nics.forEach((n, i) => {
    const base = { match: { macaddress: n.mac }, 'set-name': `eth${i}` };
    const c = n.config;
    if (c.address === null) {
      ethernets[`eth${i}`] = { ...base, dhcp4: true };
      return;
    }
    ethernets[`eth${i}`] = {
      ...base,
      addresses: [c.address],
      // gateway4, not a 0.0.0.0/0 route: Debian's ifupdown renderer turns routes into `route`
      // commands (net-tools), which a minimal guest does not have.
      ...(c.gateway ? { gateway4: c.gateway } : {}),
      ...(c.dnsServers.length > 0 || c.dnsDomain
        ? {
            nameservers: {
              ...(c.dnsServers.length > 0 ? { addresses: c.dnsServers } : {}),
              ...(c.dnsDomain ? { search: [c.dnsDomain] } : {}),
            },
          }
        : {}),
    };
  });
  return stringify({ version: 2, ethernets }, { lineWidth: 0 });
}
