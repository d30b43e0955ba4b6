import { attributeInfos } from '../../schemas/attributes.js';
import type { Attributes } from '../../core/values.js';

/** The attributes of one level that have a schema default, and the blocks below it that have some. */
interface DefaultsTree {
  names: string[];
  blocks: { name: string; tree: DefaultsTree }[];
}

const trees = new Map<string, DefaultsTree>();

function treeOf(type: string): DefaultsTree {
  let tree = trees.get(type);
  if (tree) return tree;
  tree = { names: [], blocks: [] };
  for (const info of attributeInfos(type)) {
    if (!info.hasDefault) continue;
    // "disk[].bus": the default of bus in every item of the disk block.
    const parts = info.path.split('[].');
    let level = tree;
    for (const block of parts.slice(0, -1)) {
      let next = level.blocks.find((b) => b.name === block)?.tree;
      if (!next) level.blocks.push({ name: block, tree: (next = { names: [], blocks: [] }) });
      level = next;
    }
    level.names.push(parts[parts.length - 1]!);
  }
  trees.set(type, tree);
  return tree;
}

// Called for every recorded instance of a plan (21,005 at the scale benchmark's size), mostly before
// it is optimized: indexed loops, where for…of would allocate an iterator result per step.
function lacks(tree: DefaultsTree, value: Attributes): boolean {
  const { names, blocks } = tree;
  for (let i = 0; i < names.length; i++) if (value[names[i]!] === undefined) return true;
  for (let b = 0; b < blocks.length; b++) {
    const v = value[blocks[b]!.name];
    if (!Array.isArray(v)) continue;
    for (let i = 0; i < v.length; i++) {
      const item = v[i];
      if (
        item &&
        typeof item === 'object' &&
        !Array.isArray(item) &&
        lacks(blocks[b]!.tree, item as Attributes)
      )
        return true;
    }
  }
  return false;
}

/**
 * Whether applyDefaults would fill anything in: state written before a schema gained an
 * attribute has no value for it. Most recorded instances have them all, and need no copy.
 */
export function lacksDefaults(type: string, value: Attributes): boolean {
  return lacks(treeOf(type), value);
}
