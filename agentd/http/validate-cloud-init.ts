import type { CloudInitNic, CloudInitSpec } from '../api/cloud-init.js';
import { errors } from '../errors.js';
import { object, show } from './validate.js';

const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const DOMAIN = /^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\.?$/;
const SSH_KEY = /^[a-z0-9@.-]+ [A-Za-z0-9+/=]+( [^\n]*)?\n?$/;

function ipv4(v: unknown, label: string): string {
  if (typeof v !== 'string' || !IPV4.test(v)) {
    throw errors.invalidRequest(`${label} must be an IPv4 address like "10.0.0.1", got ${show(v)}`);
  }
  return v;
}

/** DomainSpec.cloudInit (agentd/api/cloud-init.ts). Values are never echoed for user data or keys. */
export function cloudInitSpec(value: unknown, nicCount: number): CloudInitSpec {
  const o = object(value, 'body.cloudInit', ['userData', 'sshAuthorizedKeys', 'nics']);
  const userData = o.userData;
  if (userData !== null && (typeof userData !== 'string' || userData.length > 65536)) {
    throw errors.invalidRequest(
      'body.cloudInit.userData must be a string of at most 65536 characters or null',
    );
  }
  const keys = o.sshAuthorizedKeys;
  if (!Array.isArray(keys) || keys.length > 32) {
    throw errors.invalidRequest(
      'body.cloudInit.sshAuthorizedKeys must be an array of at most 32 OpenSSH public keys',
    );
  }
  keys.forEach((k, i) => {
    if (typeof k !== 'string' || !SSH_KEY.test(k)) {
      throw errors.invalidRequest(
        `body.cloudInit.sshAuthorizedKeys[${i}] must be one OpenSSH public key line ("type base64 [comment]")`,
      );
    }
  });
  const nics = o.nics;
  if (!Array.isArray(nics) || nics.length !== nicCount) {
    throw errors.invalidRequest(
      `body.cloudInit.nics must be an array with one entry per NIC (${nicCount}), got ${Array.isArray(nics) ? `${nics.length} entries` : show(nics)}`,
    );
  }
  return {
    userData,
    sshAuthorizedKeys: keys as string[],
    nics: nics.map((n, i) => nic(n, `body.cloudInit.nics[${i}]`)),
  };
}

function nic(value: unknown, label: string): CloudInitNic {
  const o = object(value, label, ['dhcp', 'address', 'gateway', 'dnsServers', 'dnsDomain']);
  if (o.dhcp === true) {
    if (Object.keys(o).length > 1) throw errors.invalidRequest(`${label}: dhcp takes no other fields`);
    return { dhcp: true };
  }
  const address = o.address;
  const m = typeof address === 'string' ? /^(.+)\/(\d{1,2})$/.exec(address) : null;
  if (!m || !IPV4.test(m[1]!) || Number(m[2]) > 32) {
    throw errors.invalidRequest(
      `${label}.address must be an IPv4 address with prefix length like "10.0.0.5/24", got ${show(address)}`,
    );
  }
  const dns = o.dnsServers;
  if (!Array.isArray(dns) || dns.length > 3) {
    throw errors.invalidRequest(
      `${label}.dnsServers must be an array of at most 3 IPv4 addresses, got ${show(dns)}`,
    );
  }
  const domain = o.dnsDomain;
  if (domain !== null && (typeof domain !== 'string' || !DOMAIN.test(domain))) {
    throw errors.invalidRequest(
      `${label}.dnsDomain must be a DNS name like "lab.example" or null, got ${show(domain)}`,
    );
  }
  return {
    address: address as string,
    gateway: o.gateway === null ? null : ipv4(o.gateway, `${label}.gateway`),
    dnsServers: dns.map((d, i) => ipv4(d, `${label}.dnsServers[${i}]`)),
    dnsDomain: domain,
  };
}
