/** The provider schema as the protocol carries it (tfplugin6.Schema.Block), plus its value type. */
import type { CtyType } from '../cty/types.js';

export interface AttributeSchema {
  name: string;
  type: CtyType;
  description: string;
  required: boolean;
  optional: boolean;
  computed: boolean;
  sensitive: boolean;
  /** nssv: changing it replaces the resource. */
  forceNew: boolean;
  /** nssv: the value the plan fills in when configuration leaves it unset. */
  default?: unknown;
}

export interface BlockSchema {
  attributes: AttributeSchema[];
  blocks: NestedBlockSchema[];
  description: string;
}

export interface NestedBlockSchema {
  name: string;
  block: BlockSchema;
  minItems: number;
  maxItems: number;
}

/** The object type a block's values have (nested blocks as lists of objects). */
export function blockType(b: BlockSchema): CtyType {
  const attrs: Record<string, CtyType> = {};
  for (const a of b.attributes) attrs[a.name] = a.type;
  for (const n of b.blocks) attrs[n.name] = ['list', blockType(n.block)];
  return ['object', attrs];
}
