import type { CephCli } from './cli.js';

interface RbdStatus {
  watchers?: Array<{ address?: string }>;
}

/**
 * Storage fencing for an HA restart (issue 11): every Ceph client that still has one of the
 * images open — the QEMU of a host that stopped answering, which may well still run — is put
 * on the OSDs' blocklist, so it can no longer read or write them. Only then may another host
 * start the VM on the same images: two guests never write one disk. `paths` are `rbd:pool/image`;
 * returns the client addresses blocklisted.
 */
export async function fenceRbdImages(cli: CephCli, paths: readonly string[]): Promise<string[]> {
  const fenced: string[] = [];
  for (const path of paths) {
    const image = path.slice('rbd:'.length);
    const status = await cli.json<RbdStatus>(
      'rbd',
      ['status', image],
      `read the clients of rbd image ${image}`,
    );
    for (const w of status.watchers ?? []) {
      if (typeof w.address !== 'string' || fenced.includes(w.address)) continue;
      await cli.run(
        'ceph',
        ['osd', 'blocklist', 'add', w.address],
        `fence Ceph client ${w.address} of ${image}`,
      );
      fenced.push(w.address);
    }
  }
  return fenced;
}
