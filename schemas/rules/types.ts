/**
 * Cross-field and cross-resource rules as data. schemas/rules/check.ts interprets them for
 * planner/validate and constructs/validation; the docs generator lists them under "Constraints".
 * Paths name attributes of the resource; inside a `block` rule they name attributes of each block
 * item first, then of the resource. Unknown values never fail a rule.
 */

/** A condition on an attribute, optionally of the resource a reference attribute points at (`via`). */
export interface Condition {
  attribute: string;
  /** Follow this reference attribute (e.g. "switch_id") and test the referenced resource's attribute. */
  via?: string;
  equals?: string | number | boolean;
  in?: ReadonlyArray<string | number | boolean>;
  /** The value is set (not null and not an empty list). */
  set?: boolean;
  /** The string value matches this regular expression. */
  matches?: string;
}

interface Base {
  /** Stable id, e.g. "storage_pool.redundancy". */
  id: string;
  /** Stable diagnostic code, e.g. NSSV_RULE_POOL_REDUNDANCY. */
  code: string;
  /** Apply the rule to each item of this nested block. */
  block?: string;
  /** All must hold for the rule to apply. */
  when?: Condition[];
  /** The rule in words, for docs and messages ("an rbd pool needs replicas or erasure_code"). */
  says: string;
}

/** Exactly one of the attributes is set. */
export interface ExactlyOne extends Base {
  kind: 'exactlyOne';
  attributes: string[];
}
/** At most one of the attributes is set. */
export interface AtMostOne extends Base {
  kind: 'atMostOne';
  attributes: string[];
}
/** The attribute is set. */
export interface Requires extends Base {
  kind: 'requires';
  attribute: string;
}
/** The attribute is not set to anything but its default. */
export interface Forbids extends Base {
  kind: 'forbids';
  attribute: string;
}
/** The attribute (its default included) is one of `values`. */
export interface AllowedValues extends Base {
  kind: 'allowedValues';
  attribute: string;
  values: ReadonlyArray<string | number | boolean>;
}
/** The list attribute has at least `min` items. */
export interface MinCount extends Base {
  kind: 'minCount';
  attribute: string;
  min: number;
}
/** The attribute is an IPv4 network address in CIDR notation (no host bits set). */
export interface Cidr extends Base {
  kind: 'cidr';
  attribute: string;
}
/** The IPv4 address attribute lies inside the network given by `cidr` (optionally via a reference). */
export interface InCidr extends Base {
  kind: 'inCidr';
  attribute: string;
  cidr: string;
  cidrVia?: string;
}
/** `first` ≤ `second` (numbers or IPv4 addresses). */
export interface Order extends Base {
  kind: 'order';
  first: string;
  second: string;
}
/** The IPv4 address attribute is outside the range start–end. */
export interface OutsideRange extends Base {
  kind: 'outsideRange';
  attribute: string;
  start: string;
  end: string;
}
/**
 * At most `limits[value]` resources of this type refer to the same `reference`, where value is the
 * `attribute` of the resource reached by following `path` (reference attributes) from this one.
 */
export interface MaxPerReference extends Base {
  kind: 'maxPerReference';
  reference: string;
  path: string[];
  attribute: string;
  limits: Record<string, number>;
  /** Plural noun for the counted resources, e.g. "snapshots". */
  noun: string;
}
/** Every host of the cluster (`cluster` attribute) carries a label named by the value of `attribute`. */
export interface HostLabels extends Base {
  kind: 'hostLabels';
  attribute: string;
  cluster: string;
  labels: string[];
}

export type Rule =
  | ExactlyOne
  | AtMostOne
  | Requires
  | Forbids
  | AllowedValues
  | MinCount
  | Cidr
  | InCidr
  | Order
  | OutsideRange
  | MaxPerReference
  | HostLabels;
