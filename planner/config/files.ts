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
import { findResourceSchema, parseSchemaFiles, resourceTypes } from '../../schemas/registry.js';
import { type ResourceSchema, resourceSchema } from './schema.js';
import type { SourceFiles } from './sourceFiles.js';

/** Reading configuration, variable and schema files, through the SourceFiles the caller gives. */

export function readText(
  files: SourceFiles,
  path: string,
  diags: Diagnostic[],
  range?: SourceRange,
): string | undefined {
  try {
    return files.readText(path);
  } catch (e) {
    diags.push(E.readFailed(range, path, (e as Error).message));
    return undefined;
  }
}

/** Configuration files of a directory (*.tf, *.tf.json), sorted. */
export function configFiles(files: SourceFiles, dir: string): string[] {
  const names = files.list(dir);
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
  files: SourceFiles,
  dir: string,
  display: string,
  schemas: ReadonlyMap<string, ResourceSchema>,
  diags: Diagnostic[],
  loading: string[] = [],
): Promise<ModuleDecl> {
  let names: string[] = [];
  try {
    names = configFiles(files, dir);
  } catch (e) {
    diags.push(E.readFailed(undefined, dir, (e as Error).message));
  }
  if (names.length === 0 && loading.length === 0) diags.push(E.noConfig(dir));
  const bodies: Body[] = [];
  for (const f of names) {
    const text = readText(files, join(dir, f), diags);
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
    if (files.kind(childDir) !== 'directory') {
      diags.push(E.moduleSource(call.sourceRange, call.source, `The directory ${childDir} does not exist.`));
      continue;
    }
    const childDisplay = join(display, call.source);
    call.module = await readModule(files, childDir, childDisplay, schemas, diags, [...loading, resolve(dir)]);
  }
  return m;
}

/** Schemas do not change while nssv runs: each directory is read once per process. */
const schemaCache = new Map<string, Map<string, ResourceSchema>>();

/**
 * The resource schemas the evaluator uses: those of schemas/registry.ts (the one loader), or,
 * when the caller names a directory, that directory's read through SourceFiles.
 */
export function loadSchemas(
  files: SourceFiles,
  schemaDir: string | undefined,
  diags: Diagnostic[],
): Map<string, ResourceSchema> {
  const key = schemaDir ?? '';
  const cached = schemaCache.get(key);
  if (cached) return cached;
  const out = new Map<string, ResourceSchema>();
  try {
    const jsons =
      schemaDir === undefined
        ? resourceTypes().map((t) => findResourceSchema(t)!)
        : [...parseSchemaFiles(files.list(schemaDir), (n) => files.readText(join(schemaDir, n))).values()];
    for (const json of jsons) {
      const s = resourceSchema(json as Record<string, unknown>);
      out.set(s.type, s);
    }
  } catch (e) {
    diags.push(E.readFailed(undefined, schemaDir ?? 'schemas/', (e as Error).message));
    return out;
  }
  schemaCache.set(key, out);
  return out;
}

export { basename, isAbsolute };
