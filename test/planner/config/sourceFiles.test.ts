/**
 * The planner reads no file itself: everything comes through the SourceFiles it is given. Here a
 * configuration, a tfvars file and a file() argument live only in memory.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../planner/config/load.js';
import type { SourceFiles } from '../../../planner/config/sourceFiles.js';
import { nodeSourceFiles } from '../../../provider/files/nodeSourceFiles.js';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '../../../schemas');

/** Files under /mem from a map; the schema directory from disk. */
function memoryFiles(files: Record<string, string>): SourceFiles & { read: string[] } {
  const read: string[] = [];
  const enoent = (path: string) => Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return {
    read,
    list: (dir) => {
      if (dir.startsWith(schemaDir)) return nodeSourceFiles.list(dir);
      const names = Object.keys(files)
        .filter((p) => p.startsWith(`${dir}/`))
        .map((p) => p.slice(dir.length + 1));
      if (names.length === 0) throw enoent(dir);
      return names;
    },
    readText: (path) => {
      if (path.startsWith(schemaDir)) return nodeSourceFiles.readText(path);
      read.push(path);
      const text = files[path];
      if (text === undefined) throw enoent(path);
      return text;
    },
    readBytes: (path) => Buffer.from(files[path] ?? ''),
    kind: (path) => (files[path] !== undefined ? 'file' : 'missing'),
  };
}

describe('SourceFiles', () => {
  test('GIVEN a configuration only in memory WHEN loaded THEN it is read through SourceFiles alone', async () => {
    const files = memoryFiles({
      '/mem/main.tf':
        'variable "name" {\n  type = string\n}\n\nresource "nssv_datacenter" "dc" {\n  name        = var.name\n  description = trimspace(file("notes.txt"))\n}\n\noutput "has_notes" {\n  value = fileexists("notes.txt")\n}\n',
      '/mem/terraform.tfvars': 'name = "mem"\n',
      '/mem/notes.txt': '  from memory  \n',
    });
    const config = await loadConfig('/mem', { files, cwd: '/mem', env: {}, schemaDir });
    expect(config.diagnostics).toEqual([]);
    expect(config.instances.map((i) => [i.address, i.attributes])).toEqual([
      ['nssv_datacenter.dc', { name: 'mem', description: 'from memory' }],
    ]);
    expect(config.outputs).toEqual([{ name: 'has_notes', value: true, sensitive: false }]);
    expect(files.read.sort()).toEqual(['/mem/main.tf', '/mem/notes.txt', '/mem/terraform.tfvars']);
  });

  test('GIVEN a -var-file that SourceFiles does not have WHEN loaded THEN the error says it is missing', async () => {
    const files = memoryFiles({ '/mem/main.tf': 'variable "name" {\n  default = "x"\n}\n' });
    const config = await loadConfig('/mem', {
      files,
      cwd: '/mem',
      env: {},
      schemaDir,
      varFiles: ['prod.tfvars'],
    });
    expect(config.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      ['NSSV_CONFIG_READ', 'Cannot read -var-file prod.tfvars: no such file'],
    ]);
  });
});

describe('a schema directory that cannot be read', () => {
  test('GIVEN no schemas WHEN a configuration is loaded THEN that one error, not one per resource block', async () => {
    const files = memoryFiles({
      '/mem/main.tf':
        'resource "nssv_datacenter" "dc" {\n  name = "a"\n}\n\nresource "nssv_cluster" "c" {\n  name          = "c"\n  datacenter_id = nssv_datacenter.dc.id\n}\n',
    });
    const config = await loadConfig('/mem', { files, cwd: '/mem', env: {}, schemaDir: '/mem/no-schemas' });
    expect(config.instances).toEqual([]);
    expect(config.diagnostics.map((d) => [d.code, d.summary, d.detail])).toEqual([
      [
        'NSSV_CONFIG_READ',
        'Cannot read /mem/no-schemas',
        'ENOENT: /mem/no-schemas. Check that the path exists and is readable.',
      ],
    ]);
  });
});
