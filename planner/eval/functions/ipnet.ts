import { NUMBER, STRING, listOf } from '../types.js';
import { intArg, n, s, strList, strValue } from './helpers.js';
import { def, p, type FunctionTable } from './registry.js';

interface Net {
  v6: boolean;
  addr: bigint;
  bits: number;
  prefix: number;
}

function parseIP(text: string): { v6: boolean; addr: bigint } {
  if (text.includes(':')) {
    const [head, tail] = text.split('::') as [string, string | undefined];
    const h = head ? head.split(':') : [];
    const tl = tail !== undefined ? (tail ? tail.split(':') : []) : [];
    const parts = tail === undefined ? h : [...h, ...new Array(8 - h.length - tl.length).fill('0'), ...tl];
    if (parts.length !== 8 || parts.some((x) => !/^[0-9a-fA-F]{1,4}$/.test(x)))
      throw new Error(`invalid IP address ${JSON.stringify(text)}`);
    let a = 0n;
    for (const x of parts) a = (a << 16n) | BigInt(parseInt(x, 16));
    return { v6: true, addr: a };
  }
  const parts = text.split('.');
  if (
    parts.length !== 4 ||
    parts.some((x) => !/^[0-9]{1,3}$/.test(x) || +x > 255 || (x.length > 1 && x.startsWith('0')))
  )
    throw new Error(`invalid IP address ${JSON.stringify(text)}`);
  return { v6: false, addr: parts.reduce((acc, x) => (acc << 8n) | BigInt(+x), 0n) };
}

function parseCIDR(text: string): Net {
  const m = /^([^/]+)\/([0-9]{1,3})$/.exec(text);
  if (!m) throw new Error(`invalid CIDR address: ${text}`);
  const ip = parseIP(m[1]!);
  const bits = ip.v6 ? 128 : 32;
  const prefix = +m[2]!;
  if (prefix > bits) throw new Error(`invalid CIDR address: ${text}`);
  const mask = ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
  return { v6: ip.v6, addr: ip.addr & mask, bits, prefix };
}

function formatIP(v6: boolean, a: bigint): string {
  if (!v6) return [24n, 16n, 8n, 0n].map((sh) => ((a >> sh) & 255n).toString()).join('.');
  const groups = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((a >> BigInt(i * 16)) & 0xffffn));
  // longest run of zeros (length ≥ 2) becomes ::
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return hex.slice(0, best).join(':') + '::' + hex.slice(best + bestLen).join(':');
}

function subnet(net: Net, newbits: number, num: bigint): Net {
  const prefix = net.prefix + newbits;
  if (newbits < 0) throw new Error('must extend prefix by at least one bit');
  if (prefix > net.bits)
    throw new Error(`insufficient address space to extend prefix of ${net.prefix} by ${newbits}`);
  if (num < 0n || num >= 1n << BigInt(newbits))
    throw new Error(`prefix extension of ${newbits} does not accommodate a subnet numbered ${num}`);
  return { ...net, prefix, addr: net.addr | (num << BigInt(net.bits - prefix)) };
}

const fmtNet = (x: Net): string => `${formatIP(x.v6, x.addr)}/${x.prefix}`;

/** cidrhost, cidrnetmask, cidrsubnet, cidrsubnets. */
export function ipnetFunctions(): FunctionTable {
  const t: FunctionTable = new Map();
  t.set(
    'cidrhost',
    def([p('prefix', STRING), p('hostnum', NUMBER)], ([a, h]) => {
      const net = parseCIDR(s(a!));
      let num = n(h!).toBigInt();
      const size = 1n << BigInt(net.bits - net.prefix);
      if (num < 0n) num = size + num;
      if (num < 0n || num >= size)
        throw new Error(`prefix of ${net.prefix} does not accommodate a host numbered ${n(h!).toString()}`);
      return strValue(formatIP(net.v6, net.addr + num));
    }),
  );
  t.set(
    'cidrnetmask',
    def([p('prefix', STRING)], ([a]) => {
      const net = parseCIDR(s(a!));
      if (net.v6) throw new Error('IPv6 addresses cannot have a netmask');
      const mask = ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - net.prefix)) - 1n);
      return strValue(formatIP(false, mask));
    }),
  );
  t.set(
    'cidrsubnet',
    def([p('prefix', STRING), p('newbits', NUMBER), p('netnum', NUMBER)], ([a, b, c]) =>
      strValue(fmtNet(subnet(parseCIDR(s(a!)), intArg(b!, 'newbits'), n(c!).toBigInt()))),
    ),
  );
  t.set(
    'cidrsubnets',
    def(
      [p('prefix', STRING)],
      ([a, ...bits]) => {
        const net = parseCIDR(s(a!));
        const out: string[] = [];
        let cur = net.addr;
        for (const b of bits) {
          const nb = intArg(b, 'newbits');
          if (nb < 1) throw new Error('must extend prefix by at least one bit');
          const prefix = net.prefix + nb;
          if (prefix > net.bits)
            throw new Error(
              `would extend prefix to ${prefix} bits, which is too long for an IPv${net.v6 ? 6 : 4} address`,
            );
          const size = 1n << BigInt(net.bits - prefix);
          // align up to this subnet size
          const start = ((cur + size - 1n) / size) * size;
          const end = start + size;
          if (end > net.addr + (1n << BigInt(net.bits - net.prefix)))
            throw new Error(
              `not enough remaining address space for a subnet with a prefix of ${prefix} bits after ${out[out.length - 1] ?? fmtNet(net)}`,
            );
          out.push(fmtNet({ ...net, addr: start, prefix }));
          cur = end;
        }
        return strList(out);
      },
      p('newbits', NUMBER),
    ),
  );
  return t;
}

export { listOf };
