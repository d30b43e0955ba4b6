import { attributeInfos } from '../../schemas/attributes.js';
import type { Attributes } from '../../core/values.js';

/** The attributes of one level that have a schema default, and the blocks below it that have some. */
interface DefaultsTree {
  names: string[];
  blocks: Map<string, DefaultsTree>;
}

const trees = new Map<string, DefaultsTree>();

function treeOf(type: string): DefaultsTree {
  let tree = trees.get(type);
  if (tree) return tree;
  tree = { names: [], blocks: new Map() };
  for (const info of attributeInfos(type)) {
    if (!info.hasDefault) continue;
    // "disk[].bus": the default of bus in every item of the disk block.
    const parts = info.path.split('[].');
    let level = tree;
    for (const block of parts.slice(0, -1)) {
      let next = level.blocks.get(block);
      if (!next) level.blocks.set(block, (next = { names: [], blocks: new Map() }));
      level = next;
    }
    level.names.push(parts[parts.length - 1]!);
  }
  trees.set(type, tree);
  return tree;
}

function lacks(tree: DefaultsTree, value: Attributes): boolean {
  for (const name of tree.names) if (value[name] === undefined) return true;
  for (const [name, items] of tree.blocks) {
    const v = value[name];
    if (!Array.isArray(v)) continue;
    for (const item of v) {
      if (item && typeof item === 'object' && !Array.isArray(item) && lacks(items, item as Attributes))
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
