import type { SourceFiles } from '../../config/sourceFiles.js';
import type { FunctionDef } from '../context.js';
import { collectionFunctions } from './collection.js';
import { conversionFunctions } from './conversion.js';
import { cryptoFunctions } from './crypto.js';
import { encodingFunctions } from './encoding.js';
import { fileFunctions } from './file.js';
import { ipnetFunctions } from './ipnet.js';
import { numericFunctions } from './numeric.js';
import { stringFunctions } from './string.js';

const tables = new WeakMap<SourceFiles, Map<string, FunctionDef>>();

/** All built-in functions, by name; the file functions read through `files`. */
export function builtinFunctions(files: SourceFiles): ReadonlyMap<string, FunctionDef> {
  let table = tables.get(files);
  if (!table) {
    const t = new Map<string, FunctionDef>();
    for (const family of [
      collectionFunctions(),
      conversionFunctions(),
      cryptoFunctions(),
      encodingFunctions(),
      fileFunctions(files, () => builtinFunctions(files)),
      ipnetFunctions(),
      numericFunctions(),
      stringFunctions(),
    ]) {
      for (const [name, fn] of family) t.set(name, fn);
    }
    table = t;
    tables.set(files, t);
  }
  return table;
}
