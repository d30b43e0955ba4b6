import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Attributes } from '../../../core/values.js';
import type { Inventory } from '../../../schemas/generated/agentApi.js';
import { hostsToAsk, lookupInInventories, parseImportId, withDefaults } from '../../importing/lookup.js';
import { catchAgent, tfErrors } from '../errors.js';
import type { Session } from '../session.js';

const HOSTS = "the provider's hosts";

/**
 * ImportResourceState by the object's name ("web1") or HOST/NAME ("h1/web1"): found through the
 * agents' inventories (provider/importing/lookup.ts, shared with `nssv import`). Attributes a
 * host cannot tell (a switch's datacenter_id) are taken from configuration by the next plan
 * without replacing the object.
 */
export async function importResource(
  s: Session,
  type: string,
  id: string,
): Promise<{ state: Attributes | null; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const hosts = hostsToAsk(s.hosts, id, HOSTS);
  if (typeof hosts === 'string') return { state: null, diagnostics: [tfErrors.importId(type, id, hosts)] };
  const invs = new Map<string, Inventory>();
  for (const h of hosts) {
    const inv = await catchAgent(`import ${type} "${id}"`, diagnostics, () => s.ctx.inventory(h));
    if (inv) invs.set(h, inv);
  }
  if (diagnostics.length > 0) return { state: null, diagnostics };
  const found = lookupInInventories(s.hosts, type, parseImportId(id).name, invs, HOSTS);
  if ('problem' in found) return { state: null, diagnostics: [tfErrors.importId(type, id, found.problem)] };
  const state = withDefaults(type, found.reported);
  // A snapshot's revert_serial is a counter kept only in the state: the import cannot know it, so
  // it is left unset and the next plan records the configured one without reverting the volume.
  if (type === 'nssv_volume_snapshot') state.revert_serial = null;
  return { state, diagnostics };
}
