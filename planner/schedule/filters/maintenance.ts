import type { HostCapacity } from '../capacity.js';

/** Rejects a host in maintenance: it takes no new VMs. */
export function maintenanceFilter(c: HostCapacity): string | undefined {
  return c.host.maintenance ? 'in maintenance' : undefined;
}
