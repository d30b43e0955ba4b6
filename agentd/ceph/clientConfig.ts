import { readFile } from 'node:fs/promises';
import { errors } from '../errors.js';

export interface MonHost {
  name: string;
  port: number;
}

/** The monitors' v1 addresses (what QEMU's librbd is given in a domain's <source>) from ceph.conf's mon_host. */
export function monHostsOf(conf: string): MonHost[] {
  const line = /^\s*mon[_ ]host\s*=\s*(.+)$/m.exec(conf)?.[1]?.trim() ?? '';
  const v1 = [...line.matchAll(/v1:([0-9a-fA-F.:[\]]+?):(\d+)/g)].map((m) => ({
    name: m[1]!,
    port: Number(m[2]),
  }));
  if (v1.length > 0) return v1;
  return line
    .split(/[,;\s]+/)
    .filter((x) => x && !x.includes('v2:'))
    .map((x) => x.replace(/^\[|\]$/g, ''))
    .map((x) => {
      const m = /^(.+?)(?::(\d+))?$/.exec(x)!;
      return { name: m[1]!, port: m[2] ? Number(m[2]) : 6789 };
    });
}

/** The key of `client.<user>` in a keyring file. */
export function keyOf(keyring: string, user: string): string | undefined {
  let section = '';
  for (const raw of keyring.split('\n')) {
    const line = raw.trim();
    const s = /^\[(.+)\]$/.exec(line);
    if (s) section = s[1]!;
    const k = /^key\s*=\s*(\S+)$/.exec(line);
    if (k && section === `client.${user}`) return k[1];
  }
  return undefined;
}

export async function readCephFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw errors.internal(
      `cannot read the Ceph ${what} ${path} named in agentd's config: ${(e as Error).message}`,
    );
  }
}

/** The fsid in ceph.conf ('' when absent). */
export const fsidOf = (conf: string): string => /^\s*fsid\s*=\s*(\S+)/m.exec(conf)?.[1] ?? '';
