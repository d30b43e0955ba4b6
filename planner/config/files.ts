import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';
import type { Body } from '../hcl/ast.js';
import { jsonToBody } from '../hcl/json-body.js';
import { parseJson } from '../hcl/json.js';
import { parseHcl } from '../hcl/parser.js';
import { decodeModule } from './decode.js';
import { configErrors as E } from './errors.js';
import { topLevelSpec } from './json-spec.js';
import type { ModuleDecl } from './model.js';
import { readSchemaDir, schemasDir } from '../../schemas/registry.js';
import { type ResourceSchema, resourceSchema } from './schema.js';

/** The only I/O of the planner's config layer: reading configuration, variable and schema files. */

export async function readText(
  path: string,
  diags: Diagnostic[],
  range?: SourceRange,
): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    diags.push(E.readFailed(range, path, (e as Error).message));
    return undefined;
  }
}

/** Configuration files of a directory (*.tf, *.tf.json), sorted. */
export async function configFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => n.endsWith('.tf') || n.endsWith('.tf.json')).sort();
}

/** Parse one configuration file (HCL or JSON) into a body. */
export function parseConfigFile(
  displayName: string,
  text: string,
  schemas: ReadonlyMap<string, ResourceSchema>,
  diags: Diagnostic[],
): Body | undefined {
  if (displayName.endsWith('.json')) {
    const r = parseJson(displayName, text);
    diags.push(...r.diagnostics);
    if (!r.value) return undefined;
    return jsonToBody(r.value, topLevelSpec(schemas), diags);
  }
  const r = parseHcl(displayName, text);
  diags.push(...r.diagnostics);
  return r.value;
}

/** Read and decode a module directory and, recursively, the local modules it calls. */
export async function readModule(
  dir: string,
  display: string,
  schemas: ReadonlyMap<string, ResourceSchema>,
  diags: Diagnostic[],
  loading: string[] = [],
): Promise<ModuleDecl> {
  let files: string[] = [];
  try {
    files = await configFiles(dir);
  } catch (e) {
    diags.push(E.readFailed(undefined, dir, (e as Error).message));
  }
  if (files.length === 0 && loading.length === 0) diags.push(E.noConfig(dir));
  const bodies: Body[] = [];
  for (const f of files) {
    const text = await readText(join(dir, f), diags);
    if (text === undefined) continue;
    const body = parseConfigFile(display ? join(display, f) : f, text, schemas, diags);
    if (body) bodies.push(body);
  }
  const m = decodeModule(dir, bodies, diags);
  for (const call of m.moduleCalls.values()) {
    if (!call.source) continue;
    if (!(call.source.startsWith('./') || call.source.startsWith('../'))) {
      diags.push(
        E.moduleSource(
          call.sourceRange,
          call.source,
          'Only local paths are supported: registry, git and HTTP sources need downloads, which nssv does not do.',
        ),
      );
      continue;
    }
    const childDir = resolve(dir, call.source);
    if (loading.includes(childDir) || childDir === resolve(dir)) {
      diags.push(
        E.moduleSource(
          call.sourceRange,
          call.source,
          'The module calls itself (directly or through other modules).',
        ),
      );
      continue;
    }
    try {
      const st = await stat(childDir);
      if (!st.isDirectory()) throw new Error('not a directory');
    } catch {
      diags.push(E.moduleSource(call.sourceRange, call.source, `The directory ${childDir} does not exist.`));
      continue;
    }
    const childDisplay = join(display, call.source);
    call.module = await readModule(childDir, childDisplay, schemas, diags, [...loading, resolve(dir)]);
  }
  return m;
}

/** Every resource schema of the schema directory, read by the schemas' one loader (schemas/registry.ts). */
/** Schemas do not change while nssv runs: each directory is read once per process. */
const schemaCache = new Map<string, Map<string, ResourceSchema>>();

export async function loadSchemas(
  schemaDir: string | undefined,
  diags: Diagnostic[],
): Promise<Map<string, ResourceSchema>> {
  const dir = schemaDir ?? findSchemaDir();
  if (!dir) return new Map();
  const cached = schemaCache.get(dir);
  if (cached) return cached;
  const out = new Map<string, ResourceSchema>();
  try {
    for (const json of readSchemaDir(dir).values()) {
      const s = resourceSchema(json as Record<string, unknown>);
      out.set(s.type, s);
    }
  } catch (e) {
    diags.push(E.readFailed(undefined, dir, (e as Error).message));
    return out;
  }
  schemaCache.set(dir, out);
  return out;
}

function findSchemaDir(): string | undefined {
  try {
    return schemasDir();
  } catch {
    return undefined;
  }
}

export { basename, isAbsolute };
