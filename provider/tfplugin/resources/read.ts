import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Attributes } from '../../../core/values.js';
import { isLocal } from '../../handlers/copyStorage.js';
import { handlerFor } from '../../handlers/registry.js';
import { catchAgent } from '../errors.js';
import type { Session } from '../session.js';
import { hostAddress } from './apply.js';
import { label } from './plan.js';

/**
 * Where a dir-pool volume went with its VM: Terraform applies a VM's migration (which copies its
 * local disks) without planning the volume again, so the volume's state still names the old host.
 * The volume is looked for on the other hosts by pool, name and the address nssv recorded on it.
 */
async function movedVolume(s: Session, prior: Attributes): Promise<Attributes | null> {
  const address = hostAddress('nssv_volume', prior);
  for (const host of [...s.hosts.keys()].sort()) {
    if (host === prior.host_id) continue;
    const found = (await s.ctx.inventory(host)).volumes.find(
      (v) => v.pool === prior.pool_id && v.name === prior.name && v.address === address && isLocal(v),
    );
    if (found) return handlerFor('nssv_volume').read(s.ctx, address, { ...prior, host_id: host });
  }
  return null;
}

/** ReadResource: the live attributes (drift shows in the next plan), or null when it is gone from its host. */
export async function readResource(
  s: Session,
  type: string,
  prior: Attributes,
): Promise<{ state: Attributes | null; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const live = await catchAgent(label(type, prior), diagnostics, async () => {
    const read = await handlerFor(type).read(s.ctx, hostAddress(type, prior), prior);
    return read === null && type === 'nssv_volume' ? movedVolume(s, prior) : read;
  });
  if (live !== undefined) s.remember(type, live ?? prior);
  return { state: live === undefined ? prior : live, diagnostics };
}
