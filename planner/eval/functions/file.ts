import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { parseTemplate } from '../../hcl/parser.js';
import { EvalContext } from '../context.js';
import { EvalError } from '../errors.js';
import { evaluate } from '../evaluate.js';
import { DYNAMIC, STRING } from '../types.js';
import type { SourceFiles } from '../../config/sourceFiles.js';
import { type Value, bool } from '../value.js';
import { s, strValue } from './helpers.js';
import { def, p, type FunctionTable } from './registry.js';

/**
 * File functions: the only functions that read files (configuration-relative paths, like Terraform's
 * file(), templatefile() and fileexists()), through the SourceFiles the caller gives.
 */
export function fileFunctions(
  files: SourceFiles,
  all: () => ReadonlyMap<string, import('../context.js').FunctionDef>,
): FunctionTable {
  const t: FunctionTable = new Map();
  const read = (base: string, path: string): string => {
    const full = isAbsolute(path) ? path : resolve(base, path);
    try {
      return files.readText(full);
    } catch {
      throw new Error(
        `no file exists at ${JSON.stringify(path)}; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource`,
      );
    }
  };
  t.set(
    'file',
    def([p('path', STRING)], ([a], ctx) => strValue(read(ctx.baseDir, s(a!)))),
  );
  t.set(
    'filebase64',
    def([p('path', STRING)], ([a], ctx) =>
      strValue(Buffer.from(files.readBytes(resolve(ctx.baseDir, s(a!)))).toString('base64')),
    ),
  );
  t.set(
    'fileexists',
    def([p('path', STRING)], ([a], ctx) => {
      const full = resolve(ctx.baseDir, s(a!));
      const kind = files.kind(full);
      if (kind === 'missing') return bool(false);
      if (kind !== 'file')
        throw new Error(
          `${s(a!)} is not a regular file, but ${kind === 'directory' ? 'a directory' : 'something else'}`,
        );
      return bool(true);
    }),
  );
  for (const [name, algo] of [
    ['filesha256', 'sha256'],
    ['filemd5', 'md5'],
    ['filesha1', 'sha1'],
    ['filesha512', 'sha512'],
  ] as const) {
    t.set(
      name,
      def([p('path', STRING)], ([a], ctx) =>
        strValue(
          createHash(algo)
            .update(read(ctx.baseDir, s(a!)))
            .digest('hex'),
        ),
      ),
    );
  }
  t.set(
    'templatefile',
    def([p('path', STRING), p('vars', DYNAMIC)], ([a, vars], ctx) => {
      const text = read(ctx.baseDir, s(a!));
      const r = parseTemplate(text, s(a!));
      if (!r.value) throw new EvalError(r.diagnostics[0]!);
      const k = vars!.t.k;
      if (k !== 'map' && k !== 'object') throw new Error('invalid vars value: must be a map');
      const symbols = new Map<string, Value>(vars!.v as Map<string, Value>);
      const resolver = {
        resolve: (
          root: string,
          _attr: unknown,
          range: import('../../../core/diagnostic.js').SourceRange,
        ): never => {
          throw new EvalError({
            severity: 'error',
            code: 'NSSV_CONFIG_UNKNOWN_REFERENCE',
            summary: 'Invalid function argument',
            detail: `Invalid value for "vars" parameter: vars map does not contain key "${root}", referenced at ${range.file}:${range.line},${range.column}.`,
            range,
          });
        },
      };
      const fns = new Map(all());
      fns.delete('templatefile');
      const c = new EvalContext(resolver, fns, ctx.baseDir, symbols);
      const v = evaluate(r.value, c);
      return v;
    }),
  );
  return t;
}
