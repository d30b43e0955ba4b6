import type { DesiredInstance } from '../planner/config/types.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { HostFacts } from '../planner/plan/hostFacts.js';
import type { State, StateResource } from '../planner/state/types.js';
import { stringMap } from '../planner/schedule/labels.js';
import type { Attributes } from '../core/values.js';
import { AgentError } from './agent/agentError.js';
import { providerErrors } from './errors.js';
import { handlerFor } from './handlers/registry.js';
import { hostsWithHaVms, recordedOn } from './lostHosts.js';
import type { ConditionalInventory, HandlerContext, InventoryRead } from './handlers/types.js';
import { jsonEqual } from '../core/jsonEqual.js';
import { HostReads, type TaggedHost, type TaggedRead } from './hostReads.js';
import { recordHosts } from './recordHosts.js';

export { hostEndpoints } from './hostEndpoints.js';

export interface RefreshResult {
  live: Map<string, Attributes | null>;
  hostFacts: Map<string, HostFacts>;
  diagnostics: Diagnostic[];
  /** Unreachable hosts taken as failed because they run HA VMs (see hostsWithHaVms). */
  lostHosts: Set<string>;
  /** With RefreshOptions.tags: what each host read conditionally showed (see TaggedRead). */
  tagged?: Map<string, TaggedRead>;
}

export interface RefreshOptions {
  /**
   * false (`-refresh=false`, as in Terraform): take every state resource as the state records
   * it, and the facts of hosts in the state from the state; only hosts not yet in the state
   * are asked. A no-change plan then sends no request at all.
   */
  readLive?: boolean;
  /**
   * The inventories are read conditionally (HandlerContext.conditionalInventory), against a state
   * read exactly as stored: `known` holds the hosts whose tag was found valid for this state (they
   * were asked with it). A host that answers 304 has its instances taken as recorded and its facts
   * from `known`; every host read with a tag is reported in RefreshResult.tagged.
   */
  tags?: { known: ReadonlyMap<string, TaggedHost> };
}

/** Reads every state resource from its host (one inventory call per host) and the declared hosts' facts. */
export async function refresh(
  ctx: HandlerContext,
  desired: readonly DesiredInstance[],
  state: State,
  options: RefreshOptions = {},
): Promise<RefreshResult> {
  const readLive = options.readLive ?? true;
  const diagnostics: Diagnostic[] = [];
  const failures: Array<{ address: string; e: AgentError }> = [];
  const report = (address: string, e: unknown): void => {
    if (!(e instanceof AgentError)) throw e;
    failures.push({ address, e });
  };
  const live = new Map<string, Attributes | null>();
  const recordedHosts = new Map<string, Attributes>();
  if (!readLive) {
    for (const r of state.resources) {
      live.set(r.address, r.attributes);
      if (r.type === 'nssv_host' && typeof r.attributes.name === 'string')
        recordedHosts.set(r.attributes.name, r.attributes);
    }
  }
  const { byHost, others } = readLive ? byInventory(state.resources) : { byHost: new Map(), others: [] };
  const hosts = new HostReads(ctx, options.tags?.known);
  await Promise.all([
    // A host's instances read from its one inventory, in state order.
    ...[...byHost].map(async ([host, group]) => {
      let seen: ConditionalInventory;
      try {
        seen = await hosts.read(host);
      } catch (e) {
        for (const { r } of group) report(r.address, e);
        return;
      }
      if (seen.unchanged) {
        for (const { r } of group) live.set(r.address, r.attributes);
        return;
      }
      const inv = seen.inventory;
      for (const { r, read } of group) {
        try {
          const value = read.from(inv, r.attributes);
          // As recorded: the record itself (what follows compares and keeps one object, not two).
          const same = jsonEqual(value, r.attributes);
          live.set(r.address, same ? r.attributes : value);
          if (!same) hosts.differs(host);
        } catch (e) {
          hosts.differs(host);
          report(r.address, e);
        }
      }
    }),
    ...others.map(async (r) => {
      // The hosts it is read from (none: always read); those that answered 304 read it back as recorded.
      const on = recordHosts(r);
      try {
        const unchanged = await hosts.unchangedAmong(on);
        if (on.length > 0 && unchanged.size === new Set(on).size) {
          live.set(r.address, r.attributes);
          return;
        }
        const value = await handlerFor(r.type).read(ctx, r.address, r.attributes, unchanged);
        const same = jsonEqual(value, r.attributes);
        live.set(r.address, same ? r.attributes : value);
        if (!same) for (const h of on) hosts.differs(h);
      } catch (e) {
        for (const h of on) hosts.differs(h);
        report(r.address, e);
      }
    }),
  ]);
  const hostFacts = new Map<string, HostFacts>();
  await Promise.all(
    desired
      .filter((d) => d.type === 'nssv_host')
      .map(async (d) => {
        const a = d.attributes;
        if (typeof a.name !== 'string' || typeof a.cluster_id !== 'string') return;
        // The configuration's part; labels too, read or not (PCI devices are known only from the host).
        const configured = {
          name: a.name,
          cluster: a.cluster_id,
          address: d.address,
          maintenance: a.maintenance === true,
          labels: stringMap(a.labels),
        };
        const recorded = recordedHosts.get(a.name);
        if (recorded && typeof recorded.cpus === 'number' && typeof recorded.memory_mib === 'number') {
          hostFacts.set(a.name, { ...configured, cpus: recorded.cpus, memoryMiB: recorded.memory_mib });
          return;
        }
        try {
          const facts = await hosts.facts(a.name);
          if (facts.name !== a.name) {
            hosts.differs(a.name);
            diagnostics.push(providerErrors.hostMismatch(d, String(a.endpoint), facts.name));
            return;
          }
          const { cpus, memoryMiB, pciDevices } = facts;
          hostFacts.set(a.name, { ...configured, cpus, memoryMiB, ...(pciDevices ? { pciDevices } : {}) });
        } catch (e) {
          report(d.address, e);
        }
      }),
  );
  const lostHosts = tolerateLostHosts(failures, desired, state, live, diagnostics);
  for (const { e } of failures) hosts.differs(e.host);
  return { live, hostFacts, diagnostics, lostHosts, ...(hosts.tagging ? { tagged: hosts.tagged } : {}) };
}

/** The resources whose handler reads them from one host's inventory, by that host; the others. */
function byInventory(resources: readonly StateResource[]): {
  byHost: Map<string, Array<{ r: StateResource; read: InventoryRead }>>;
  others: StateResource[];
} {
  const byHost = new Map<string, Array<{ r: StateResource; read: InventoryRead }>>();
  const others: StateResource[] = [];
  for (const r of resources) {
    const read = handlerFor(r.type).inventoryRead;
    if (!read) {
      others.push(r);
      continue;
    }
    const host = read.hostOf(r.attributes);
    const group = byHost.get(host);
    if (group) group.push({ r, read });
    else byHost.set(host, [{ r, read }]);
  }
  return { byHost, others };
}

/**
 * Unreachable hosts that run HA VMs are taken as failed (a warning; what is recorded on them is
 * kept as recorded, for the planner to restart the HA VMs elsewhere); every other failure is an
 * error, one per host.
 */
function tolerateLostHosts(
  failures: ReadonlyArray<{ address: string; e: AgentError }>,
  desired: readonly DesiredInstance[],
  state: State,
  live: Map<string, Attributes | null>,
  diagnostics: Diagnostic[],
): Set<string> {
  if (failures.length === 0) return new Set();
  const ha = hostsWithHaVms(desired, state);
  const lost = new Set(
    failures.filter((f) => f.e.code === 'unreachable' && ha.has(f.e.host)).map((f) => f.e.host),
  );
  const reported = new Set<string>();
  for (const { address, e } of failures) {
    if (reported.has(e.host)) continue; // one message per host, not one per resource on it
    reported.add(e.host);
    if (!lost.has(e.host)) {
      diagnostics.push(providerErrors.refreshFailed(address, e));
      continue;
    }
    const on = recordedOn(e.host, desired, state);
    diagnostics.push(providerErrors.hostLost(address, e, on.ha, on.others));
  }
  for (const { address, e } of failures) {
    if (!lost.has(e.host)) continue;
    const recorded = state.resources.find((r) => r.address === address);
    if (recorded) live.set(address, recorded.attributes);
  }
  return lost;
}
