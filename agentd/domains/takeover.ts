import type { DomainInfo, TakeoverResult, TakeoverSpec } from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';

/** What an HA restart needs of the host's domains. */
export interface TakeoverDomains {
  get(name: string): Promise<DomainInfo | undefined>;
  diskPaths(spec: TakeoverSpec['domain']): Promise<string[]>;
  put(name: string, spec: TakeoverSpec['domain'], uuid?: string): Promise<DomainInfo>;
}

/**
 * An HA restart (issue 11, the seeds' downtime migration): the VM's host stopped answering, so
 * this host starts it from its shared disks. The old copy is fenced first — every other Ceph
 * client of its rbd images is blocklisted — so a QEMU that still runs on the lost host cannot
 * write them any more; then the domain is defined here with its old UUID and powered as asked.
 * A retried request (the domain is here already, same UUID) only converges it.
 */
export async function takeOver(
  domains: TakeoverDomains,
  fence: ((paths: readonly string[]) => Promise<string[]>) | undefined,
  name: string,
  req: TakeoverSpec,
): Promise<TakeoverResult> {
  const existing = await domains.get(name);
  if (existing && existing.uuid !== req.uuid) {
    throw errors.conflict(
      `domain ${JSON.stringify(name)} already exists on this host with UUID ${existing.uuid}, not ${req.uuid}: it is another machine; remove it or choose another name`,
    );
  }
  if (existing) return { domain: await domains.put(name, req.domain), fencedClients: [] };
  const paths = await domains.diskPaths(req.domain);
  const local = paths.find((p) => !p.startsWith('rbd:'));
  if (local !== undefined) {
    throw errors.conflict(
      `domain ${JSON.stringify(name)} cannot be restarted here: its disk ${local} is a local file of the lost host, not shared (rbd) storage`,
    );
  }
  if (paths.length > 0 && fence === undefined) {
    throw errors.conflict(
      `domain ${JSON.stringify(name)} cannot be restarted here: this host has no Ceph configured`,
    );
  }
  const fencedClients = paths.length === 0 ? [] : await fence!(paths);
  return { domain: await domains.put(name, req.domain, req.uuid), fencedClients };
}
