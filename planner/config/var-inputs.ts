import { join, resolve } from 'node:path';
import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';
import { EvalContext, type FunctionDef } from '../eval/context.js';
import { EvalError } from '../eval/errors.js';
import { evaluate, fromJsonLiteral } from '../eval/evaluate.js';
import { parseJson, type JNode } from '../hcl/json.js';
import { parseHcl } from '../hcl/parser.js';
import { DYNAMIC_UNKNOWN } from '../eval/value.js';
import { configErrors as E } from './errors.js';
import { readText } from './files.js';
import type { ModuleDecl } from './model.js';
import { errorCode, type SourceFiles } from './sourceFiles.js';
import type { VarInput } from './module-scope.js';
import type { LoadOptions } from './types.js';

/**
 * Root variable values in Terraform's precedence (later wins): TF_VAR_* environment variables,
 * terraform.tfvars, terraform.tfvars.json, *.auto.tfvars(.json) in lexical order, -var-file, -var.
 */
export function rootVarInputs(
  files: SourceFiles,
  dir: string,
  root: ModuleDecl,
  options: LoadOptions & { env: Record<string, string | undefined>; cwd: string },
  functions: ReadonlyMap<string, FunctionDef>,
  diags: Diagnostic[],
): Map<string, VarInput> {
  const inputs = new Map<string, VarInput>();
  const declared = [...root.variables.keys()];
  const env = options.env;
  for (const [k, v] of Object.entries(env)) {
    if (!k.startsWith('TF_VAR_') || v === undefined) continue;
    const name = k.slice('TF_VAR_'.length);
    if (root.variables.has(name)) inputs.set(name, { text: v, origin: k });
  }
  let names: string[] = [];
  try {
    names = files.list(dir);
  } catch {
    names = [];
  }
  const auto: string[] = [];
  if (names.includes('terraform.tfvars')) auto.push('terraform.tfvars');
  if (names.includes('terraform.tfvars.json')) auto.push('terraform.tfvars.json');
  for (const n of names.filter((x) => x.endsWith('.auto.tfvars') || x.endsWith('.auto.tfvars.json')).sort())
    auto.push(n);
  for (const n of auto) {
    const text = readText(files, join(dir, n), diags);
    if (text !== undefined)
      readVarFile(join(dir, n), text, root, functions, diags, inputs, 'warning', declared);
  }
  // Like Terraform, relative -var-file paths are relative to the working directory, not the configuration.
  const cwd = resolve(options.cwd);
  for (const given of options.varFiles ?? []) {
    const path = resolve(cwd, given);
    const text = readVarFileText(files, given, path, cwd, diags);
    if (text !== undefined) readVarFile(path, text, root, functions, diags, inputs, 'error', declared);
  }
  for (const { name, value } of options.vars ?? []) {
    if (!root.variables.has(name)) {
      diags.push(E.undeclaredVariableValue(undefined, name, declared, 'error'));
      continue;
    }
    inputs.set(name, { text: value, origin: '-var' });
  }
  if (options.validateOnly) {
    for (const [name, decl] of root.variables)
      if (!inputs.has(name) && !decl.default) inputs.set(name, { value: DYNAMIC_UNKNOWN });
  }
  return inputs;
}

/** Read a -var-file, saying in words what is wrong with a path that is missing or not a file. */
function readVarFileText(
  files: SourceFiles,
  given: string,
  path: string,
  cwd: string,
  diags: Diagnostic[],
): string | undefined {
  try {
    return files.readText(path);
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT') diags.push(E.varFileMissing(given, path, cwd));
    else if (code === 'EISDIR') diags.push(E.varFileIsDirectory(given, path));
    else diags.push(E.varFileUnreadable(given, path, code, (e as Error).message));
    return undefined;
  }
}

function readVarFile(
  path: string,
  text: string,
  root: ModuleDecl,
  functions: ReadonlyMap<string, FunctionDef>,
  diags: Diagnostic[],
  inputs: Map<string, VarInput>,
  undeclared: 'error' | 'warning',
  declared: string[],
): void {
  // file names in diagnostics are relative to the configuration directory (the renderer reads
  // excerpts from there), or absolute for files outside it
  const display = path.startsWith(root.dir + '/') ? path.slice(root.dir.length + 1) : path;
  if (path.endsWith('.json')) {
    const r = parseJson(display, text);
    diags.push(...r.diagnostics);
    if (!r.value) return;
    if (r.value.k !== 'object') {
      diags.push({
        severity: 'error',
        code: 'NSSV_CONFIG_SYNTAX',
        summary: 'Invalid variables file',
        detail: 'A .tfvars.json file must hold a JSON object of variable values.',
        range: r.value.range,
      });
      return;
    }
    for (const e of r.value.entries) {
      if (!root.variables.has(e.key)) {
        diags.push(E.undeclaredVariableValue(e.keyRange, e.key, declared, undeclared));
        continue;
      }
      inputs.set(e.key, {
        value: fromJsonLiteral(plain(e.value)),
        range: e.value.range,
        origin: at(e.keyRange),
      });
    }
    return;
  }
  const r = parseHcl(display, text);
  diags.push(...r.diagnostics);
  const ctx = new EvalContext(
    {
      resolve: (rootName, _a, range) => {
        throw new EvalError({
          severity: 'error',
          code: 'NSSV_CONFIG_INVALID_REFERENCE',
          summary: 'Variables not allowed',
          detail: `Variable files hold literal values only; "${rootName}" cannot be referenced here.`,
          range,
        });
      },
    },
    functions,
    root.dir,
  );
  for (const b of r.value.blocks) {
    diags.push({
      severity: 'error',
      code: 'NSSV_CONFIG_SYNTAX',
      summary: 'Unexpected block in variables file',
      detail: `Variable files hold only name = value lines; the block "${b.type}" is not allowed.`,
      range: b.typeRange,
    });
  }
  for (const a of r.value.attributes) {
    if (!root.variables.has(a.name)) {
      diags.push(E.undeclaredVariableValue(a.nameRange, a.name, declared, undeclared));
      continue;
    }
    try {
      inputs.set(a.name, { value: evaluate(a.expr, ctx), range: a.expr.range, origin: at(a.nameRange) });
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      diags.push(e.diagnostic);
    }
  }
}

const at = (r: SourceRange): string => `${r.file}:${r.line}:${r.column}`;

function plain(n: JNode): unknown {
  switch (n.k) {
    case 'string':
      return n.value;
    case 'number':
      return Number(n.text);
    case 'bool':
      return n.value;
    case 'null':
      return null;
    case 'array':
      return n.items.map(plain);
    case 'object':
      return Object.fromEntries(n.entries.map((e) => [e.key, plain(e.value)]));
  }
}
