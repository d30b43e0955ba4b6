/** IPv4 addresses and networks as 32-bit numbers. */

export function parseIpv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export interface Network {
  base: number;
  prefix: number;
  /** First and last address of the network (network and broadcast addresses included). */
  first: number;
  last: number;
}

export type CidrProblem = 'syntax' | 'prefix' | 'hostBits';

/** A network from "a.b.c.d/p", or what is wrong with it (`normalised` is the network with host bits cleared). */
export function parseCidr(s: string): { network?: Network; problem?: CidrProblem; normalised?: string } {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(s);
  const addr = m ? parseIpv4(m[1]!) : undefined;
  if (!m || addr === undefined) return { problem: 'syntax' };
  const prefix = Number(m[2]);
  if (prefix > 32) return { problem: 'prefix' };
  const size = 2 ** (32 - prefix);
  const base = addr - (addr % size);
  const network = { base, prefix, first: base, last: base + size - 1 };
  if (base !== addr) return { problem: 'hostBits', normalised: `${formatIpv4(base)}/${prefix}`, network };
  return { network };
}

/** Usable host addresses: the network without its network and broadcast address (all of it for /31 and /32). */
export function hostRange(n: Network): [number, number] {
  return n.prefix >= 31 ? [n.first, n.last] : [n.first + 1, n.last - 1];
}
