import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../../core/diagnostic.js';
import { loadConfig } from '../../../engine/files/loadConfig.js';
import type { LoadOptionsExt } from '../../../planner/config/load.js';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '../../../schemas');

const MAIN =
  'variable "vm_memory_mib" {\n  type = number\n}\n\nvariable "secret" {\n  type      = number\n  sensitive = true\n  default   = 1\n}\n';

function configDir(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-vars-'));
  writeFileSync(join(dir, 'main.tf'), MAIN);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

async function diagsOf(dir: string, opts: LoadOptionsExt): Promise<Diagnostic[]> {
  return (await loadConfig(dir, { schemaDir, env: {}, ...opts })).diagnostics;
}

const shape = (d: Diagnostic) => ({
  code: d.code,
  at: `${d.range?.file}:${d.range?.line}:${d.range?.column}`,
  summary: d.summary,
  detail: d.detail,
});

describe('a wrongly typed variable value names the value and where it came from', () => {
  it('GIVEN -var vm_memory_mib=abc WHEN loaded THEN the message quotes "abc" and says from -var', async () => {
    const diags = await diagsOf(configDir(), { vars: [{ name: 'vm_memory_mib', value: 'abc' }] });
    expect(diags.map(shape)).toEqual([
      {
        code: 'NSSV_CONFIG_INVALID_VARIABLE_VALUE',
        at: 'main.tf:1:10',
        summary: 'Invalid value for variable "vm_memory_mib"',
        detail:
          'The value "abc" from -var is not suitable for var.vm_memory_mib, which is declared as number: a number is required. Give a value of that type in the -var option.',
      },
    ]);
  });

  it('GIVEN TF_VAR_vm_memory_mib=abc WHEN loaded THEN the message names the environment variable', async () => {
    const diags = await diagsOf(configDir(), { env: { TF_VAR_vm_memory_mib: 'abc' } });
    expect(diags.map(shape)).toEqual([
      {
        code: 'NSSV_CONFIG_INVALID_VARIABLE_VALUE',
        at: 'main.tf:1:10',
        summary: 'Invalid value for variable "vm_memory_mib"',
        detail:
          'The value "abc" from TF_VAR_vm_memory_mib is not suitable for var.vm_memory_mib, which is declared as number: a number is required. Give a value of that type in the environment variable TF_VAR_vm_memory_mib.',
      },
    ]);
  });

  it('GIVEN terraform.tfvars sets it to "abc" on line 3 WHEN loaded THEN the message says from terraform.tfvars:3:1', async () => {
    const dir = configDir({ 'terraform.tfvars': '# sizes\n\nvm_memory_mib = "abc"\n' });
    const diags = await diagsOf(dir, {});
    expect(diags.map(shape)).toEqual([
      {
        code: 'NSSV_CONFIG_INVALID_VARIABLE_VALUE',
        at: 'terraform.tfvars:3:17',
        summary: 'Invalid value for variable "vm_memory_mib"',
        detail:
          'The value "abc" from terraform.tfvars:3:1 is not suitable for var.vm_memory_mib, which is declared as number: a number is required. Give a value of that type at terraform.tfvars:3:1.',
      },
    ]);
  });

  it('GIVEN a .auto.tfvars.json value that is an object WHEN loaded THEN the value is shown as JSON', async () => {
    const dir = configDir({ 'x.auto.tfvars.json': '{\n  "vm_memory_mib": {"a": 1}\n}\n' });
    const diags = await diagsOf(dir, {});
    expect(diags.map((d) => d.detail)).toEqual([
      'The value {"a":1} from x.auto.tfvars.json:2:3 is not suitable for var.vm_memory_mib, which is declared as number: number required. Give a value of that type at x.auto.tfvars.json:2:3.',
    ]);
  });

  it('GIVEN a wrong value for a sensitive variable WHEN loaded THEN the value itself is not shown', async () => {
    const diags = await diagsOf(configDir(), {
      vars: [
        { name: 'vm_memory_mib', value: '1' },
        { name: 'secret', value: 'hunter2' },
      ],
    });
    expect(diags.map((d) => d.detail)).toEqual([
      'The value (sensitive value) from -var is not suitable for var.secret, which is declared as number: a number is required. Give a value of that type in the -var option.',
    ]);
  });

  it('GIVEN -var with a malformed list for a list variable WHEN loaded THEN the syntax error names the value and -var', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-vars-'));
    writeFileSync(join(dir, 'main.tf'), 'variable "names" {\n  type = list(string)\n}\n');
    const diags = await diagsOf(dir, { vars: [{ name: 'names', value: '["a",' }] });
    expect(diags.map((d) => [d.code, d.summary, d.detail])).toEqual([
      [
        'NSSV_CONFIG_SYNTAX',
        'Invalid value for variable "names": Syntax error: expected an expression, found the end of the file',
        'At this position the configuration language allows an expression, but the end of the file was given. An expression is a value (like "text", 42, true, [..], {..}), a reference (like var.name) or a function call. The value given from -var was "[\\"a\\",".',
      ],
    ]);
  });
});

describe('-var-file', () => {
  it('GIVEN a relative -var-file WHEN loaded THEN it is resolved against the working directory, not the configuration', async () => {
    const dir = configDir();
    const cwd = mkdtempSync(join(tmpdir(), 'nssv-cwd-'));
    mkdirSync(join(cwd, 'env'));
    writeFileSync(join(cwd, 'env', 'prod.tfvars'), 'vm_memory_mib = 4096\n');
    const c = await loadConfig(dir, { schemaDir, env: {}, cwd, varFiles: ['env/prod.tfvars'] });
    expect(c.diagnostics).toEqual([]);
  });

  it('GIVEN a -var-file outside the configuration with a value of the wrong type WHEN loaded THEN the origin is its file:line:col', async () => {
    const dir = configDir();
    const cwd = mkdtempSync(join(tmpdir(), 'nssv-cwd-'));
    writeFileSync(join(cwd, 'prod.tfvars'), 'vm_memory_mib = "lots"\n');
    const diags = await diagsOf(dir, { cwd, varFiles: ['prod.tfvars'] });
    // a file outside the configuration directory is named by its absolute path (excerpts are read from it)
    const file = join(cwd, 'prod.tfvars');
    expect(diags.map(shape)).toEqual([
      {
        code: 'NSSV_CONFIG_INVALID_VARIABLE_VALUE',
        at: `${file}:1:17`,
        summary: 'Invalid value for variable "vm_memory_mib"',
        detail: `The value "lots" from ${file}:1:1 is not suitable for var.vm_memory_mib, which is declared as number: a number is required. Give a value of that type at ${file}:1:1.`,
      },
    ]);
  });

  it('GIVEN a -var-file that does not exist WHEN loaded THEN it says "no such file" with the path as given and the fix', async () => {
    const dir = configDir();
    const cwd = mkdtempSync(join(tmpdir(), 'nssv-cwd-'));
    const diags = await diagsOf(dir, {
      cwd,
      vars: [{ name: 'vm_memory_mib', value: '1' }],
      varFiles: ['prod.tfvars'],
    });
    expect(
      diags.map((d) => ({ code: d.code, range: d.range, summary: d.summary, detail: d.detail })),
    ).toEqual([
      {
        code: 'NSSV_CONFIG_READ',
        range: undefined,
        summary: 'Cannot read -var-file prod.tfvars: no such file',
        detail: `There is no file prod.tfvars in ${cwd}; relative -var-file paths are resolved against the current directory, as Terraform does. Fix: give the path of an existing .tfvars or .tfvars.json file.`,
      },
    ]);
  });

  it('GIVEN a -var-file that is a directory WHEN loaded THEN it says "is a directory"', async () => {
    const dir = configDir();
    const cwd = mkdtempSync(join(tmpdir(), 'nssv-cwd-'));
    mkdirSync(join(cwd, 'env'));
    const diags = await diagsOf(dir, {
      cwd,
      vars: [{ name: 'vm_memory_mib', value: '1' }],
      varFiles: ['env'],
    });
    expect(diags.map((d) => [d.code, d.summary, d.detail])).toEqual([
      [
        'NSSV_CONFIG_READ',
        'Cannot read -var-file env: is a directory',
        `${join(cwd, 'env')} is a directory, not a variables file. Fix: give the path of a .tfvars or .tfvars.json file inside it, like -var-file=env/NAME.tfvars.`,
      ],
    ]);
  });
});
