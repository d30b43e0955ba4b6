import type { ModuleDecl } from './model.js';

const cache = new WeakMap<ModuleDecl, ReadonlySet<string>>();

/**
 * Every root name a reference in the module's source spells (`nssv_vm` of `nssv_vm.vm[0].id`,
 * `var`, `local`, …): a resource type that is not among them is never read by the module's own
 * expressions. Found by walking the whole declaration once, so it may include names that are not
 * references (never the other way round).
 */
export function referencedRoots(decl: ModuleDecl): ReadonlySet<string> {
  let roots = cache.get(decl);
  if (!roots) {
    roots = rootNames(decl);
    cache.set(decl, roots);
  }
  return roots;
}

/** Every root name a reference below this node (a declaration, a block, an expression) spells. */
export function rootNames(node: object): ReadonlySet<string> {
  const found = new Set<string>();
  collectRoots(node, found);
  return found;
}

// Declarations and expressions are trees (no node refers back to one above it), so the walk keeps
// no set of nodes seen: with one, it took 30-45 ms for a module of 14,000 nodes instead of 5-8 ms.
function collectRoots(node: object, found: Set<string>): void {
  if (node instanceof Map) {
    for (const v of node.values()) if (v !== null && typeof v === 'object') collectRoots(v, found);
    return;
  }
  if (Array.isArray(node)) {
    for (const v of node) if (v !== null && typeof v === 'object') collectRoots(v as object, found);
    return;
  }
  const o = node as Record<string, unknown>;
  if (o.t === 'var' && typeof o.name === 'string') found.add(o.name);
  for (const k in o) {
    const v = o[k];
    if (v === null || typeof v !== 'object') continue;
    // source ranges (range, nameRange, labelRanges, …) hold no expressions
    if (k === 'range' || k.endsWith('Range') || k.endsWith('Ranges')) continue;
    collectRoots(v, found);
  }
}
