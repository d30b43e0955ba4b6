import type { Diagnostic, SourceRange } from '../../../core/diagnostic.js';
import { planErrors } from '../errors.js';

/** A VM's host_id pin. */
export interface HostPin {
  address: string;
  cluster: string | undefined;
  host: string;
  range: SourceRange | undefined;
}

/**
 * The host pin rule, the one place it lives: host_id names a declared host (by name, in
 * `hosts` with its cluster when known), and that host is in the VM's cluster.
 */
export function checkHostPin(pin: HostPin, hosts: ReadonlyMap<string, string | undefined>): Diagnostic[] {
  if (!hosts.has(pin.host))
    return [planErrors.unknownHost(pin.address, 'host_id', pin.host, [...hosts.keys()], pin.range)];
  const hostCluster = hosts.get(pin.host);
  if (pin.cluster === undefined || hostCluster === undefined || hostCluster === pin.cluster) return [];
  return [planErrors.hostNotInCluster(pin.address, pin.host, hostCluster, pin.cluster, pin.range)];
}
