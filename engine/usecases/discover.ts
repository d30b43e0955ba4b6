import { DiagnosticsError, hasErrors } from '../../core/diagnostic.js';
import type { LoadOptions } from '../../planner/config/types.js';
import { renderImportBlocks, type ImportBlock } from '../../planner/render/importBlocks.js';
import { createHandlerContext } from '../../provider/handlers/context.js';
import { readInventories } from '../../provider/importing/inventories.js';
import { objectsOnHosts, resourceNameFor, type HostObject } from '../../provider/importing/onHosts.js';
import { knownHosts } from '../../provider/importing/resolve.js';
import { hostEndpoints } from '../../provider/refresh.js';
import { openStateStore } from '../../provider/state/open.js';
import { loadForPlan } from './plan.js';
import { loadedWithData } from '../plan/withDataRead.js';

const WHAT: Record<string, string> = {
  nssv_vm: 'domain',
  nssv_volume: 'volume',
  nssv_storage_pool: 'dir pool',
  nssv_distributed_switch: 'OVS bridge',
  nssv_port_group: 'port group',
  nssv_image_storage: 'image storage',
  nssv_image: 'image',
  nssv_security_group: 'security group',
};

export interface Discovered {
  /** Objects no instance of this state manages, with the import block that adopts each. */
  unmanaged: Array<HostObject & { to: string }>;
  /** The import blocks, as HCL. */
  text: string;
}

/** Whether a state instance is this object (same type and name, and host for per-host objects). */
function manages(attrs: Record<string, unknown>, o: HostObject): boolean {
  if (attrs.name !== o.name) return false;
  return o.id.includes('/') ? attrs.host_id === o.hosts[0] : true;
}

/**
 * `nssv discover`: what the configuration's hosts run that this state does not manage, as import
 * blocks that adopt it (then `nssv plan -generate-config-out=FILE` writes the resource blocks).
 * An object keeps the address an earlier nssv state recorded on it when that address is free.
 */
export async function runDiscover(configDir: string, load: LoadOptions | undefined): Promise<Discovered> {
  const first = await loadForPlan(configDir, load);
  const store = await openStateStore(configDir, first.settings ?? { backend: { type: 'local' } });
  const state = await store.read().finally(() => store.close());
  const loaded = await loadedWithData(configDir, load, first, state);
  const hosts = knownHosts(loaded.desired, state);
  const ctx = createHandlerContext(hostEndpoints(loaded.desired, state));
  const { invs, diagnostics } = await readInventories(ctx, [...hosts.keys()]);
  if (hasErrors(diagnostics)) throw new DiagnosticsError(diagnostics);
  const taken = new Set([...loaded.desired.map((d) => d.address), ...state.resources.map((r) => r.address)]);
  const unmanaged: Discovered['unmanaged'] = [];
  for (const o of objectsOnHosts(invs)) {
    if (state.resources.some((r) => r.type === o.type && manages(r.attributes, o))) continue;
    const recorded = /^[a-z][a-z0-9_]*\.[a-zA-Z_][\w-]*$/.test(o.address) && !taken.has(o.address);
    const to = recorded ? o.address : `${o.type}.${resourceNameFor(o, taken)}`;
    taken.add(to);
    unmanaged.push({ ...o, to });
  }
  const blocks: ImportBlock[] = unmanaged.map((o) => ({
    to: o.to,
    id: o.id,
    comment: `${WHAT[o.type] ?? o.type} "${o.name}" on ${o.hosts.join(', ')}${o.address ? ` (recorded as ${o.address})` : ' (made outside nssv: apply writes its nssv record, nothing else)'}`,
  }));
  const text = renderImportBlocks(blocks, [
    `nssv discover: ${blocks.length} object(s) on the hosts that this state does not manage.`,
    'Adopt them: save this as imports.tf in the configuration, run',
    'nssv plan -generate-config-out=generated.tf, review both files, then nssv apply.',
  ]);
  return { unmanaged, text };
}
