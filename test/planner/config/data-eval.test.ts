import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Attributes } from '../../../core/values.js';
import { loadConfig } from '../../../engine/files/loadConfig.js';
import type { LoadedConfig } from '../../../planner/config/types.js';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '../../../schemas');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function load(main: string, dataValues?: Record<string, Attributes>): Promise<LoadedConfig> {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-data-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'main.tf'), main);
  return loadConfig(dir, {
    schemaDir,
    env: {},
    ...(dataValues ? { dataValues: new Map(Object.entries(dataValues)) } : {}),
  });
}

const CONFIG = `variable "host" {
  default = "h1"
}
data "nssv_host_inventory" "h" {
  host = var.host
}
resource "nssv_volume" "v" {
  for_each = toset([for x in data.nssv_host_inventory.h.volumes : x.name])
  name     = "copy-\${each.key}"
  pool_id  = "local"
  size_gib = 1
}
`;

describe('data blocks', () => {
  it('GIVEN a data block WHEN loaded without values THEN it is a request with its arguments evaluated and located', async () => {
    const c = await load(CONFIG);
    expect(c.dataRequests).toEqual([
      {
        address: 'data.nssv_host_inventory.h',
        type: 'nssv_host_inventory',
        config: { host: 'h1' },
        range: expect.objectContaining({ file: 'main.tf', line: 4, column: 1 }),
        attributeRanges: { host: expect.objectContaining({ line: 5, column: 10 }) },
      },
    ]);
    // for_each over a value not read yet cannot be expanded: that is why the engine reads first.
    expect(c.diagnostics.map((d) => d.code)).toEqual(['NSSV_CONFIG_INVALID_FOR_EACH']);
  });

  it('GIVEN the values read WHEN loaded again THEN references see them, in for_each too', async () => {
    const c = await load(CONFIG, {
      'data.nssv_host_inventory.h': { host: 'h1', volumes: [{ name: 'a' }, { name: 'b' }] },
    });
    expect(c.diagnostics).toEqual([]);
    expect(c.instances.map((i) => [i.address, i.attributes.name])).toEqual([
      ['nssv_volume.v["a"]', 'copy-a'],
      ['nssv_volume.v["b"]', 'copy-b'],
    ]);
  });

  it('GIVEN a reference to an undeclared data source THEN NSSV_CONFIG_UNKNOWN_REFERENCE names the declared ones', async () => {
    const c = await load(
      'data "nssv_host" "a" {\n  name = "h1"\n}\nlocals {\n  x = data.nssv_hots.a.cpus\n}\n',
    );
    expect(c.diagnostics.map((d) => [d.code, d.summary, d.detail, d.range?.line])).toEqual([
      [
        'NSSV_CONFIG_UNKNOWN_REFERENCE',
        'Reference to undeclared data source "data.nssv_hots"',
        'A data block data.nssv_hots has not been declared in this module. Did you mean "data.nssv_host.a"? Declare it, or fix the reference.',
        5,
      ],
    ]);
  });

  it('GIVEN an argument only apply knows WHEN loaded THEN NSSV_CONFIG_DATA_UNKNOWN_ARGUMENT, located', async () => {
    const c = await load(
      'resource "nssv_cluster" "c" {\n  name = "c"\n  datacenter_id = "d"\n}\nresource "nssv_host" "h" {\n  name = "h1"\n  cluster_id = nssv_cluster.c.id\n  endpoint = "http://h:1"\n  token = "0123456789abcdef"\n}\ndata "nssv_cluster" "c" {\n  name = nssv_host.h.memory_mib\n}\n',
    );
    expect(c.dataRequests).toBeUndefined();
    expect(c.diagnostics.map((d) => [d.code, d.summary, `${d.range?.line}:${d.range?.column}`])).toEqual([
      [
        'NSSV_CONFIG_DATA_UNKNOWN_ARGUMENT',
        'The argument "name" of data.nssv_cluster.c is not known before apply',
        '12:10',
      ],
    ]);
  });

  it('GIVEN two data blocks of one name THEN the second is a duplicate', async () => {
    const c = await load(
      'data "nssv_host" "a" {\n  name = "h1"\n}\ndata "nssv_host" "a" {\n  name = "h2"\n}\n',
    );
    expect(c.diagnostics.map((d) => [d.code, d.summary, d.range?.line])).toEqual([
      ['NSSV_CONFIG_DUPLICATE_RESOURCE', 'Duplicate data source "data.nssv_host.a"', 4],
    ]);
  });
});
