import type { DomainDiskInfo, DomainInfo } from '../../schemas/generated/agentApi.js';
import type { ParsedDomain } from './domain-parse.js';
import { isInactive } from './power.js';

/** A domain's disks as the agent API reports them (managed or not). */
export function reportedDisks(p: ParsedDomain): DomainDiskInfo[] {
  return p.disks.map((d) => ({
    pool: d.pool,
    volume: d.volume,
    path: d.path,
    format: d.format,
    target: d.target,
    bus: d.bus,
    bootOrder: d.bootOrder,
  }));
}

/** libvirt's state in the API's three power states. */
export function powerStateOf(state: string): DomainInfo['powerState'] {
  return isInactive(state) ? 'shutoff' : state === 'paused' ? 'paused' : 'running';
}
