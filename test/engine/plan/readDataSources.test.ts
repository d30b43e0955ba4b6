import { emptyInventory } from '../../helpers/inventory.js';
import type { SourceRange } from '../../../core/diagnostic.js';
import { readDataSources } from '../../../engine/plan/readDataSources.js';
import type { DataRequest, DesiredInstance } from '../../../planner/config/types.js';
import type { State } from '../../../planner/state/types.js';
import type { HandlerContext } from '../../../provider/handlers/types.js';
import type { Inventory } from '../../../schemas/generated/agentApi.js';

const at = (line: number, column: number): SourceRange => ({
  file: 'data.tf',
  line,
  column,
  endLine: line,
  endColumn: column + 1,
});

const request = (type: string, config: Record<string, unknown>, line = 1): DataRequest => ({
  address: `data.${type}.x`,
  type,
  config: config as DataRequest['config'],
  range: at(line, 1),
  attributeRanges: Object.fromEntries(Object.keys(config).map((k, i) => [k, at(line + 1 + i, 10)])),
});

const asked: string[] = [];
const ctx = {
  inventory: async (h: string): Promise<Inventory> => {
    asked.push(h);
    return emptyInventory(h);
  },
} as unknown as HandlerContext;

const endpoints = new Map([
  ['h1', { host: 'h1', endpoint: 'http://h1:7400', token: 'secret-token-0123456789' }],
]);
// h1's cluster is known only from the state; the configuration declares no host
const state: State = {
  version: 1,
  serial: 1,
  lineage: 'l',
  resources: [
    {
      address: 'nssv_host.h1',
      type: 'nssv_host',
      attributes: {
        name: 'h1',
        cluster_id: 'c1',
        endpoint: 'http://h1:7400',
        token: 'secret-token-0123456789',
      },
    },
  ],
} as unknown as State;
const desired: DesiredInstance[] = [];

describe('readDataSources', () => {
  beforeEach(() => asked.splice(0));

  it('GIVEN valid data blocks THEN their values by address, hosts and clusters from the state, never a token', async () => {
    const r = await readDataSources(
      [request('nssv_host', { name: 'h1' }), request('nssv_cluster', { name: 'c1' }, 5)],
      endpoints,
      ctx,
      desired,
      state,
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.values.get('data.nssv_host.x')).toMatchObject({ name: 'h1', cluster_id: 'c1', cpus: 4 });
    expect(r.values.get('data.nssv_cluster.x')).toEqual({ name: 'c1', id: 'c1', host_ids: ['h1'] });
    expect(JSON.stringify([...r.values])).not.toContain('secret-token');
  });

  it('GIVEN an unknown argument and a wrong type THEN each is located, and no agent is asked', async () => {
    const r = await readDataSources(
      [request('nssv_host', { name: 'h1', cpus: 4 }), request('nssv_host_inventory', { host: 7 }, 10)],
      endpoints,
      ctx,
      desired,
      state,
    );
    expect(
      r.diagnostics.map((d) => [
        d.code,
        d.address,
        `${d.range?.line}:${d.range?.column}`,
        d.summary,
        d.detail,
      ]),
    ).toEqual([
      [
        'NSSV_DATA_INVALID_ARGUMENT',
        'data.nssv_host.x',
        '3:10',
        'data.nssv_host.x: "cpus" is not an argument of data source nssv_host',
        'The arguments are: name; the other attributes are read. Remove "cpus".',
      ],
      [
        'NSSV_DATA_INVALID_ARGUMENT',
        'data.nssv_host_inventory.x',
        '11:10',
        'data.nssv_host_inventory.x: "host" must be a string, not 7',
        'Set host to a string, e.g. host = "h1".',
      ],
    ]);
    expect(asked).toEqual([]);
  });

  it('GIVEN an unknown type or an object that is not there THEN located errors naming what exists', async () => {
    const r = await readDataSources(
      [request('nssv_vm', { name: 'web' }), request('nssv_host', { name: 'h9' }, 4)],
      endpoints,
      ctx,
      desired,
      state,
    );
    expect(
      r.diagnostics.map((d) => [d.code, `${d.range?.line}:${d.range?.column}`, d.summary, d.detail]),
    ).toEqual([
      [
        'NSSV_DATA_UNKNOWN_TYPE',
        '1:1',
        'there is no data source "nssv_vm"',
        'The data sources are: nssv_cluster, nssv_host, nssv_host_inventory, nssv_image.',
      ],
      ['NSSV_DATA_NOT_FOUND', '5:10', 'no host "h9" among the configured hosts', 'Known: h1.'],
    ]);
  });

  it('GIVEN nssv_image without a required name THEN the block is located', async () => {
    const r = await readDataSources([request('nssv_image', {}, 7)], endpoints, ctx, desired, state);
    expect(r.diagnostics.map((d) => [`${d.range?.line}:${d.range?.column}`, d.summary])).toEqual([
      ['7:1', 'data.nssv_image.x: the argument "name" is required'],
    ]);
  });
});
