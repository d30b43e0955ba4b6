import { createHash } from 'node:crypto';

export const MAC_PATTERN = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

/** A stable MAC in QEMU's 52:54:00 range, derived from the domain name and the NIC's index. */
export function deriveMac(domain: string, nicIndex: number): string {
  const digest = createHash('sha256').update(`nssv-mac\0${domain}\0${nicIndex}`).digest();
  return ['52', '54', '00', ...[0, 1, 2].map((i) => digest[i]!.toString(16).padStart(2, '0'))].join(':');
}

/** A unicast MAC (the multicast bit of the first octet clear). */
export function isUnicastMac(mac: string): boolean {
  return MAC_PATTERN.test(mac) && (parseInt(mac.slice(0, 2), 16) & 1) === 0;
}
