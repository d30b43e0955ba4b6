import type { DesiredInstance } from '../../config/types.js';
import type { JsonSchema } from '../../../schemas/jsonSchema.js';
import { defaultedValue } from '../../../schemas/attributes.js';
import { findResourceSchema } from '../../../schemas/registry.js';
import { isUnknown } from '../../../core/values.js';
import type { Attributes } from '../../../core/values.js';
import { UNKNOWN, type Looked, type RuleScope } from '../../../schemas/rules/scope.js';

export { isSet, UNKNOWN } from '../../../schemas/rules/scope.js';

/** Every instance of the configuration, by type and id (= name), for rules that span resources. */
export class InstanceIndex {
  /** By type, then name (maps in a map: no key string to build per instance). */
  private readonly byId = new Map<string, Map<string, DesiredInstance>>();

  constructor(readonly instances: readonly DesiredInstance[]) {
    for (const inst of instances) {
      const name = inst.attributes.name;
      if (typeof name === 'string' && findResourceSchema(inst.type)) {
        let ofType = this.byId.get(inst.type);
        if (!ofType) this.byId.set(inst.type, (ofType = new Map()));
        if (!ofType.has(name)) ofType.set(name, inst);
      }
    }
  }

  find(type: string, id: string): DesiredInstance | undefined {
    return this.byId.get(type)?.get(id);
  }

  /** The rules' view of an instance a reference leads to (one per instance: many lead to one pool). */
  private readonly views = new Map<DesiredInstance, RuleScope<string> | undefined>();
  viewOf(inst: DesiredInstance): RuleScope<string> | undefined {
    if (this.views.has(inst)) return this.views.get(inst);
    const schema = findResourceSchema(inst.type);
    const view = schema ? ruleScope({ instance: inst, schema, index: this, itemPath: '' }) : undefined;
    this.views.set(inst, view);
    return view;
  }
}

/** Where a rule looks up names: an item of a nested block (if any), then the resource. */
export interface Scope {
  instance: DesiredInstance;
  schema: JsonSchema;
  index: InstanceIndex;
  /** "dhcp[0]" inside a block, '' at top level. */
  itemPath: string;
  /** The item as configured; lookups add its schema defaults. */
  item?: { schema: JsonSchema; raw: Attributes };
}

/** Path for messages and ranges: "dhcp[0].start" or "gateway". */
export type Lookup = Looked<string>;

function clean(v: unknown): unknown {
  return isUnknown(v) ? UNKNOWN : v;
}

export function lookup(scope: Scope, name: string): Lookup {
  if (scope.item && scope.item.schema.properties?.[name]) {
    return {
      path: `${scope.itemPath}.${name}`,
      value: clean(defaultedValue(scope.item.schema, scope.item.raw, name)),
      raw: clean(scope.item.raw[name]),
      schema: scope.item.schema.properties[name],
    };
  }
  return {
    path: name,
    value: clean(defaultedValue(scope.schema, scope.instance.attributes, name)),
    raw: clean(scope.instance.attributes[name]),
    schema: scope.schema.properties?.[name],
  };
}

/** The instance a reference attribute points at, UNKNOWN if its value is unknown, undefined if not in the configuration. */
export function follow(scope: Scope, via: string): DesiredInstance | typeof UNKNOWN | undefined {
  const ref = lookup(scope, via);
  if (ref.value === UNKNOWN) return UNKNOWN;
  const type = ref.schema?.['x-nssv-reference'];
  if (typeof ref.value !== 'string' || typeof type !== 'string') return undefined;
  return scope.index.find(type, ref.value);
}

/** Scope of another instance at top level. */
export function scopeOf(scope: Scope, inst: DesiredInstance): Scope | undefined {
  const schema = findResourceSchema(inst.type);
  return schema ? { instance: inst, schema, index: scope.index, itemPath: '' } : undefined;
}

type Followed = ReturnType<RuleScope<string>['follow']>;

/**
 * The scope as the rules' interpreter (schemas/rules/check.ts) sees it. It keeps its last lookup
 * and its last follow (rules in a row read the same attribute: a volume's two rbd rules both
 * follow pool_id, and the pool's view, kept per instance in the index, is asked for its kind).
 */
export function ruleScope(scope: Scope): RuleScope<string> {
  let lastName: string | undefined;
  let lastLooked: Lookup | undefined;
  let lastVia: string | undefined;
  let lastFollowed: Followed;
  return {
    lookup: (name) => {
      if (name !== lastName || !lastLooked) {
        lastLooked = lookup(scope, name);
        lastName = name;
      }
      return lastLooked;
    },
    follow: (via) => {
      if (via === lastVia) return lastFollowed;
      const target = follow(scope, via);
      let r: Followed;
      if (target === UNKNOWN || target === undefined) r = target;
      else {
        const view = scope.index.viewOf(target);
        r = view ? { scope: view, address: target.address } : undefined;
      }
      lastVia = via;
      lastFollowed = r;
      return r;
    },
  };
}
