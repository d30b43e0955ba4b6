import { DiagnosticsError, hasErrors, type Diagnostic } from '../../core/diagnostic.js';
import { isUnknown, type Attributes, type AttrValue } from '../../core/values.js';
import type { LoadOptions } from '../../planner/config/types.js';
import type { StateResource } from '../../planner/state/types.js';
import { applyDefaults } from '../../schemas/attributes.js';
import { createHandlerContext } from '../../provider/handlers/context.js';
import { handlerFor } from '../../provider/handlers/registry.js';
import { readInventories } from '../../provider/importing/inventories.js';
import { matchByAddress, STATE_ONLY_TYPES, type RebuildMatch } from '../../provider/importing/match.js';
import { objectsOnHosts } from '../../provider/importing/onHosts.js';
import { dependenciesOf, knownHosts, resolveImports } from '../../provider/importing/resolve.js';
import { hostEndpoints } from '../../provider/refresh.js';
import { openStateStore } from '../../provider/state/open.js';
import { withImports } from '../plan/preparePlan.js';
import { loadForPlan } from './plan.js';
import { loadedWithData } from '../plan/withDataRead.js';

export interface Rebuilt extends RebuildMatch {
  where: string;
  written: number;
}

const stateNotEmpty = (where: string, n: number): Diagnostic => ({
  severity: 'error',
  code: 'NSSV_STATE_NOT_EMPTY',
  summary: `the state in ${where} holds ${n} instance(s): nssv state rebuild only fills an empty (lost) state`,
  detail:
    'Nothing was changed. To take over single objects into an existing state use nssv import or import blocks; to start over, move the state away first (nssv state pull > old.json, then remove it).',
});

function wholly(v: AttrValue): boolean {
  if (isUnknown(v)) return false;
  if (Array.isArray(v)) return v.every(wholly);
  if (v && typeof v === 'object') return Object.values(v).every(wholly);
  return true;
}

/**
 * `nssv state rebuild`: a lost state made again from what the hosts record. Every object nssv
 * creates carries its address (libvirt metadata, OVS external_ids, volume records); each
 * instance the configuration declares is paired with the object recording its address and read
 * back as an import would. State-only resources (data centers, clusters, …) come from the
 * configuration. Nothing on the hosts changes.
 */
export async function runRebuild(configDir: string, load: LoadOptions | undefined): Promise<Rebuilt> {
  const first = await loadForPlan(configDir, load);
  const store = await openStateStore(configDir, first.settings ?? { backend: { type: 'local' } });
  try {
    await store.lock('nssv state rebuild');
    const state = await store.read();
    if (state.resources.length > 0)
      throw new DiagnosticsError([stateNotEmpty(store.where, state.resources.length)]);
    const loaded = await loadedWithData(configDir, load, first, state);
    if (hasErrors(loaded.diagnostics))
      throw new DiagnosticsError(loaded.diagnostics.filter((d) => d.severity === 'error'));
    const hosts = knownHosts(loaded.desired, state);
    const ctx = createHandlerContext(hostEndpoints(loaded.desired, state));
    const { invs, diagnostics } = await readInventories(ctx, [...hosts.keys()]);
    if (hasErrors(diagnostics)) throw new DiagnosticsError(diagnostics);
    const match = matchByAddress(loaded.desired, objectsOnHosts(invs), new Set(invs.keys()));
    const requests = [
      ...match.matched.map((m) => ({ to: m.address, id: m.object.id })),
      ...match.fromConfig
        .filter((a) => !STATE_ONLY_TYPES.has(loaded.desired.find((d) => d.address === a)!.type))
        .map((a) => ({ to: a, id: String(loaded.desired.find((d) => d.address === a)!.attributes.name) })),
    ];
    const r = await resolveImports(ctx, loaded.desired, state, requests);
    if (hasErrors(r.diagnostics)) throw new DiagnosticsError(r.diagnostics);
    const resources: StateResource[] = [];
    for (const i of r.imported) {
      const live = await handlerFor(i.resource.type).read(ctx, i.address, i.resource.attributes);
      resources.push({ ...i.resource, attributes: live ?? i.resource.attributes });
    }
    for (const d of loaded.desired.filter((x) => STATE_ONLY_TYPES.has(x.type))) {
      const attributes: Attributes = applyDefaults(d.type, d.attributes);
      attributes.id = attributes.name!;
      if (!Object.values(attributes).every(wholly)) {
        match.fromConfig = match.fromConfig.filter((a) => a !== d.address);
        match.missing.push(d.address);
        continue;
      }
      resources.push({
        address: d.address,
        type: d.type,
        attributes,
        dependencies: dependenciesOf(loaded.desired, d.address),
        sensitivePaths: d.sensitivePaths,
      });
    }
    const imported = resources.map((res) => ({
      address: res.address,
      id: String(res.attributes.id),
      resource: res,
    }));
    await store.write(withImports(state, imported));
    return { ...match, missing: match.missing.sort(), where: store.where, written: resources.length };
  } finally {
    await store.close();
  }
}
