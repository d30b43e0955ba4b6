import type { FunctionDef, ParamSpec } from '../context.js';
import type { Type } from '../types.js';
import type { Value } from '../value.js';

export type FunctionTable = Map<string, FunctionDef>;

export function p(name: string, type: Type, opts: Omit<ParamSpec, 'name' | 'type'> = {}): ParamSpec {
  return { name, type, ...opts };
}

export function def(params: ParamSpec[], impl: FunctionDef['impl'], variadic?: ParamSpec): FunctionDef {
  const d: FunctionDef = { params, impl };
  if (variadic) d.variadic = variadic;
  return d;
}

export type Impl = (args: Value[]) => Value;
