import { DiagnosticsError, hasErrors } from '../../core/diagnostic.js';
import type { LoadOptions } from '../../planner/config/types.js';
import type { StateResource } from '../../planner/state/types.js';
import { createHandlerContext } from '../../provider/handlers/context.js';
import { handlerFor } from '../../provider/handlers/registry.js';
import { adoptObjects } from '../../provider/importing/adopt.js';
import { importErrors } from '../../provider/importing/errors.js';
import { resolveImports } from '../../provider/importing/resolve.js';
import { hostEndpoints } from '../../provider/refresh.js';
import { openStateStore } from '../../provider/state/open.js';
import { withImports } from '../plan/preparePlan.js';
import { loadForPlan } from './plan.js';
import { loadedWithData } from '../plan/withDataRead.js';

/**
 * `nssv import ADDRESS ID`: finds the object on the hosts the configuration declares and records
 * it in the state as ADDRESS (which the configuration must declare), holding the state lock.
 * Nothing on the hosts changes but the nssv records written onto objects made outside nssv; the next
 * plan shows any difference from the configuration.
 */
export async function runImport(
  configDir: string,
  load: LoadOptions | undefined,
  address: string,
  id: string,
): Promise<StateResource> {
  const first = await loadForPlan(configDir, load);
  const store = await openStateStore(configDir, first.settings ?? { backend: { type: 'local' } });
  try {
    await store.lock('nssv import');
    const state = await store.read();
    const loaded = await loadedWithData(configDir, load, first, state);
    if (hasErrors(loaded.diagnostics))
      throw new DiagnosticsError(loaded.diagnostics.filter((d) => d.severity === 'error'));
    const existing = state.resources.find((r) => r.address === address);
    if (existing) throw new DiagnosticsError([importErrors.stateHas(address)]);
    const ctx = createHandlerContext(hostEndpoints(loaded.desired, state));
    const r = await resolveImports(ctx, loaded.desired, state, [{ to: address, id }]);
    if (hasErrors(r.diagnostics)) throw new DiagnosticsError(r.diagnostics);
    const found = r.imported[0]!;
    await adoptObjects(ctx, [found]);
    const live = await handlerFor(found.resource.type).read(ctx, address, found.resource.attributes);
    if (!live) throw new DiagnosticsError([importErrors.notFound(address, id, 'it is gone from its host')]);
    const resource = { ...found.resource, attributes: live };
    await store.write(withImports(state, [{ ...found, resource }]));
    return resource;
  } finally {
    await store.close();
  }
}
