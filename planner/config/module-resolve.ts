import type { SourceRange } from '../../core/diagnostic.js';
import { EvalError } from '../eval/errors.js';
import { type Value, object, str } from '../eval/value.js';
import { configErrors as E } from './errors.js';
import type { ResourceDecl } from './model.js';
import type { ModuleScope, Node } from './module-scope.js';
import { dataReference } from './data-eval.js';

/** What references in a module resolve to: its variables, locals, module calls and resources. */
export interface ReferenceTargets extends ModuleScope {
  variable(name: string, range: SourceRange): Node;
  local(name: string, range: SourceRange): Node;
  resource(decl: ResourceDecl, range: SourceRange): { value: Value };
  /** Adds addresses to the innermost dependency collector. */
  addDeps(deps: Iterable<string>): void;
}

/** The value of a reference rooted at `root` (var, local, module, path, a resource type, …). */
export function resolveReference(
  t: ReferenceTargets,
  root: string,
  attr: { name: string; range: SourceRange } | undefined,
  range: SourceRange,
): { value: Value; consumed: boolean } {
  const need = (what: string): { name: string; range: SourceRange } => {
    if (!attr)
      throw new EvalError(
        E.invalidReference(
          range,
          `Invalid reference`,
          `The "${root}" object must be followed by ${what}, like ${root}.NAME.`,
        ),
      );
    return attr;
  };
  switch (root) {
    case 'var': {
      const a = need('a variable name');
      if (!t.decl.variables.has(a.name))
        throw new EvalError(E.unknownVariable(a.range, a.name, [...t.decl.variables.keys()]));
      const n = t.variable(a.name, a.range);
      t.addDeps(n.deps);
      return { value: n.value, consumed: true };
    }
    case 'local': {
      const a = need('a local value name');
      if (!t.decl.locals.has(a.name))
        throw new EvalError(E.unknownLocal(a.range, a.name, [...t.decl.locals.keys()]));
      const n = t.local(a.name, a.range);
      t.addDeps(n.deps);
      return { value: n.value, consumed: true };
    }
    case 'module': {
      const a = need('a module name');
      if (!t.decl.moduleCalls.has(a.name))
        throw new EvalError(E.unknownModule(a.range, a.name, [...t.decl.moduleCalls.keys()]));
      const m = t.moduleCall(a.name, a.range);
      t.addDeps(m.deps);
      return { value: m.value, consumed: true };
    }
    case 'path':
      return {
        value: object([
          ['module', str(t.decl.dir)],
          ['root', str(t.shared.rootDir)],
          ['cwd', str(t.shared.cwd)],
        ]),
        consumed: false,
      };
    case 'terraform':
      return { value: object([['workspace', str('default')]]), consumed: false };
    case 'count':
      throw new EvalError(
        E.invalidReference(
          range,
          'Reference to "count" in non-counted context',
          'count.index can only be used in a resource or module block that sets count.',
        ),
      );
    case 'each':
      throw new EvalError(
        E.invalidReference(
          range,
          'Reference to "each" in context without for_each',
          'each.key and each.value can only be used in a resource or module block that sets for_each.',
        ),
      );
    case 'self':
      throw new EvalError(
        E.invalidReference(
          range,
          'Invalid "self" reference',
          '"self" can only be used in provisioner and connection blocks, which nssv does not run.',
        ),
      );
    case 'data':
      return { value: dataReference(t, attr, range), consumed: true };
    default:
      break;
  }
  const isType = t.shared.schemas.has(root) || [...t.decl.resources.values()].some((r) => r.type === root);
  if (isType) {
    const a = need('a resource name');
    const key = `${root}.${a.name}`;
    const decl = t.decl.resources.get(key);
    if (!decl) throw new EvalError(E.unknownResource(range, root, a.name, [...t.decl.resources.keys()]));
    const r = t.resource(decl, range);
    t.addDeps([t.prefix + key]);
    return { value: r.value, consumed: true };
  }
  const candidates = [
    'var',
    'local',
    'module',
    'path',
    'count',
    'each',
    'terraform',
    ...new Set([...t.decl.resources.values()].map((r) => r.type)),
  ];
  throw new EvalError(E.unknownRoot(range, root, candidates));
}
