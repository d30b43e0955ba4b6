import { listOf, mapOf } from '../eval/types.js';
import { type Value, DYNAMIC_UNKNOWN, object, tuple, unknownOf } from '../eval/value.js';
import { configErrors as E } from './errors.js';
import { type InstanceKey, expand, keySuffix } from './expansion.js';
import type { ModuleCallResult, ModuleInstance, ModuleScope, VarInput } from './module-scope.js';

/** Instantiate a module call (once per count/for_each key) and evaluate it. */
export function evalModuleCall(parent: ModuleScope, name: string): ModuleCallResult {
  const call = parent.decl.moduleCalls.get(name)!;
  const address = `${parent.prefix}module.${name}`;
  const child = call.module;
  if (!child) return { value: DYNAMIC_UNKNOWN, deps: new Set(), children: [] };
  for (const input of call.inputs) {
    if (!child.variables.has(input.name))
      parent.shared.diags.push({
        ...E.unknownInput(input.nameRange, name, input.name, [...child.variables.keys()]),
        address,
      });
  }
  for (const v of child.variables.values()) {
    if (!v.default && !call.inputs.some((i) => i.name === v.name))
      parent.shared.diags.push({ ...E.missingInput(call.range, name, v.name), address });
  }
  const exp = expand(parent, call.count, call.forEach, address);
  const explicit = parent.dependsOnAddresses(call.dependsOn);
  const children: ModuleInstance[] = [];
  const values: Array<[InstanceKey['key'], Value]> = [];
  const deps = new Set<string>();
  // Validating a call whose count or for_each is unknown: one instance, module.NAME[*], stands for
  // all of them, its keys unknown, and its outputs are unknown (as terraform validate).
  const keys = exp.unknown ? [exp.unknown] : exp.keys;
  for (const k of keys) {
    const symbols = k.symbols;
    const ctx = symbols.size ? parent.ctx.child(symbols) : parent.ctx;
    const inputs = new Map<string, VarInput>();
    for (const input of call.inputs) {
      if (!child.variables.has(input.name)) continue;
      const r = parent.collect(() => parent.evalReported(input.expr, ctx, address, input.name));
      for (const d of exp.deps) r.deps.add(d);
      for (const d of explicit) r.deps.add(d);
      inputs.set(input.name, { value: r.value, range: input.expr.range, deps: r.deps });
    }
    const ev = parent.childModule(child, `${address}${keySuffix(k.key)}.`, inputs);
    ev.run();
    children.push(ev);
    const out = ev.outputsValue();
    for (const d of out.deps) deps.add(d);
    values.push([k.key, out.value]);
  }
  let value: Value;
  // Keys unknown (validating only): a list or map of the one instance's outputs' type.
  if (exp.unknown) {
    const t = values[0]![1].t;
    value = unknownOf(exp.mode === 'count' ? listOf(t) : mapOf(t));
  } else if (exp.mode === 'single') value = values[0]?.[1] ?? DYNAMIC_UNKNOWN;
  else if (exp.mode === 'count') value = tuple(values.map((v) => v[1]));
  else value = object(values.map(([k, v]) => [String(k), v]));
  return { value, deps, children };
}
