import type { HostCapacity } from '../capacity.js';
import { labelMismatch, type Labels } from '../labels.js';

/** Rejects a host whose labels lack one of the VM's host_labels. */
export function labelsFilter(c: HostCapacity, want: Labels | undefined): string | undefined {
  return want === undefined ? undefined : labelMismatch(want, c.host.labels);
}
