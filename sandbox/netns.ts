/** Network namespaces (`ip netns`), named and visible under /run/netns. */
import { existsSync } from 'node:fs';
import { run } from './exec.js';

export const netnsPath = (netns: string): string => `/run/netns/${netns}`;

export const netnsExists = (netns: string): boolean => existsSync(netnsPath(netns));

export async function addNetns(netns: string): Promise<void> {
  await run('ip', ['netns', 'add', netns]);
  await run('ip', ['-n', netns, 'link', 'set', 'lo', 'up']);
}

/** Deleting a namespace also deletes every interface in it (veth peers included). Harmless when gone. */
export async function deleteNetns(netns: string): Promise<void> {
  if (!netnsExists(netns)) return;
  await run('ip', ['netns', 'delete', netns]);
}
