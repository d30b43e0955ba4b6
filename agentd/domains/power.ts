import type { Virsh } from '../drivers/virsh.js';

export interface PowerOptions {
  shutdownTimeoutMs: number;
  pollIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** States in which a domain has no running QEMU process. */
export function isInactive(state: string | undefined): boolean {
  return state === undefined || state === 'shut off' || state === 'crashed';
}

/**
 * Stops a domain: ACPI shutdown, poll until it is off, destroy once `shutdownTimeoutMs` has
 * passed (a guest without an OS, or one that ignores ACPI, never powers off by itself).
 * Returns how it stopped.
 */
export async function stopDomain(
  virsh: Virsh,
  name: string,
  options: PowerOptions,
): Promise<'already-off' | 'shutdown' | 'destroyed'> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const pollMs = options.pollIntervalMs ?? 200;
  if (isInactive(await virsh.state(name))) return 'already-off';
  try {
    await virsh.shutdown(name);
  } catch {
    // The domain may have stopped meanwhile, or refuse ACPI: destroy decides below.
  }
  const deadline = now() + options.shutdownTimeoutMs;
  while (now() < deadline) {
    if (isInactive(await virsh.state(name))) return 'shutdown';
    await sleep(Math.min(pollMs, Math.max(0, deadline - now())));
  }
  if (isInactive(await virsh.state(name))) return 'shutdown';
  await virsh.destroy(name);
  return 'destroyed';
}
