import { typeBytes } from '../cty/types.js';
import type { Msg } from '../grpc/services.js';
import type { AttributeSchema, BlockSchema } from './block.js';

function describe(a: AttributeSchema): string {
  const notes: string[] = [];
  if (a.forceNew) notes.push('Changing it replaces the resource.');
  if (a.default !== undefined) notes.push(`Default: ${JSON.stringify(a.default)}.`);
  return [a.description, ...notes].filter(Boolean).join(' ');
}

function block(b: BlockSchema, version: number): Msg {
  return {
    version,
    description: b.description,
    description_kind: 0,
    attributes: b.attributes.map((a) => ({
      name: a.name,
      type: typeBytes(a.type),
      description: describe(a),
      required: a.required,
      optional: a.optional,
      computed: a.computed,
      sensitive: a.sensitive,
      description_kind: 0,
    })),
    block_types: b.blocks.map((n) => ({
      type_name: n.name,
      block: block(n.block, 0),
      nesting: 2, // LIST
      min_items: n.minItems,
      max_items: n.maxItems,
    })),
  };
}

/** tfplugin6.Schema for a block. */
export function schemaMessage(b: BlockSchema, version = 0): Msg {
  return { version, block: block(b, version) };
}
