import type { Diagnostic } from '../../core/diagnostic.js';
import type { Attributes } from '../../core/values.js';
import type { DataRequest, DesiredInstance } from '../../planner/config/types.js';
import type { State } from '../../planner/state/types.js';
import type { AgentEndpoint } from '../../provider/agent/client.js';
import type { HandlerContext } from '../../provider/handlers/types.js';
import { readData, unknownDataSource, type DataHosts } from '../../provider/tfplugin/data/read.js';
import { dataSourceSchemas } from '../../provider/tfplugin/data/schemas.js';
import type { BlockSchema } from '../../provider/tfplugin/schema/block.js';
import { engineErrors } from '../errors.js';

/**
 * The hosts data sources see: those whose agents nssv can reach (declared or in the state), each
 * with its cluster as the configuration sets it, else as the state records it.
 */
function dataHosts(
  endpoints: ReadonlyMap<string, AgentEndpoint>,
  ctx: HandlerContext,
  desired: readonly DesiredInstance[],
  state: State,
): DataHosts {
  const cluster = new Map<string, string>();
  const note = (a: Attributes): void => {
    if (typeof a.name === 'string' && typeof a.cluster_id === 'string') cluster.set(a.name, a.cluster_id);
  };
  for (const r of state.resources) if (r.type === 'nssv_host') note(r.attributes);
  for (const d of desired) if (d.type === 'nssv_host') note(d.attributes);
  const hosts = new Map(
    [...endpoints.values()].map((e) => [
      e.host,
      { cluster: cluster.get(e.host) ?? '', endpoint: e.endpoint },
    ]),
  );
  return {
    hosts,
    hostsOf: (clusters) =>
      [...hosts]
        .filter(([, h]) => clusters.includes(h.cluster))
        .map(([n]) => n)
        .sort(),
    ctx,
  };
}

/** The request's arguments against the data source's schema: known names, required ones set, types. */
function checkArguments(r: DataRequest, schema: BlockSchema): Diagnostic[] {
  const out: Diagnostic[] = [];
  const settable = schema.attributes.filter((a) => a.required || a.optional);
  const names = settable.map((a) => a.name);
  for (const [name, value] of Object.entries(r.config)) {
    const a = settable.find((x) => x.name === name);
    const at = r.attributeRanges[name] ?? r.range;
    if (!a)
      out.push(
        engineErrors.dataArgument(
          at,
          r.address,
          name,
          `"${name}" is not an argument of data source ${r.type}`,
          `The arguments are: ${names.join(', ')}; the other attributes are read. Remove "${name}".`,
        ),
      );
    else if (a.type === 'string' && typeof value !== 'string')
      out.push(
        engineErrors.dataArgument(
          at,
          r.address,
          name,
          `"${name}" must be a string, not ${JSON.stringify(value)}`,
          `Set ${name} to a string, e.g. ${name} = "h1".`,
        ),
      );
  }
  for (const a of settable)
    if (a.required && !(a.name in r.config))
      out.push(
        engineErrors.dataArgument(
          r.range,
          r.address,
          a.name,
          `the argument "${a.name}" is required`,
          `Add ${a.name} = "…" to the data block.`,
        ),
      );
  return out;
}

/**
 * Reads every data block from the hosts' agents (read-only), each at most once per inventory: the
 * values by data address, or located diagnostics when a block is invalid or matches nothing or
 * more than one object.
 */
export async function readDataSources(
  requests: readonly DataRequest[],
  endpoints: ReadonlyMap<string, AgentEndpoint>,
  ctx: HandlerContext,
  desired: readonly DesiredInstance[],
  state: State,
): Promise<{ values: Map<string, Attributes>; diagnostics: Diagnostic[] }> {
  const schemas = dataSourceSchemas();
  const hosts = dataHosts(endpoints, ctx, desired, state);
  const values = new Map<string, Attributes>();
  const diagnostics: Diagnostic[] = [];
  for (const r of requests) {
    const schema = schemas.get(r.type);
    if (!schema) {
      diagnostics.push({
        ...unknownDataSource(r.type, [...schemas.keys()]),
        address: r.address,
        range: r.range,
      });
      continue;
    }
    const bad = checkArguments(r, schema);
    if (bad.length > 0) {
      diagnostics.push(...bad);
      continue;
    }
    const read = await readData(hosts, r.type, r.config);
    for (const d of read.diagnostics)
      diagnostics.push({
        ...d,
        address: r.address,
        range: (d.attribute && r.attributeRanges[d.attribute]) || r.range,
      });
    if (read.state) values.set(r.address, read.state);
  }
  return { values, diagnostics };
}
