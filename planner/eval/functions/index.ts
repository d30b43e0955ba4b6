import type { FunctionDef } from '../context.js';
import { collectionFunctions } from './collection.js';

let table: Map<string, FunctionDef> | undefined;

/** All built-in functions, by name. */
export function builtinFunctions(): ReadonlyMap<string, FunctionDef> {
  if (!table) {
    table = new Map<string, FunctionDef>([...collectionFunctions()]);
  }
  return table;
}
