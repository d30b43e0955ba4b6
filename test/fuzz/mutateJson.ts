/**
 * Mutations of Terraform JSON configurations as trees: dropped and renamed keys, unknown keys,
 * values of the wrong type or out of range, broken interpolations, unknown references, cycles,
 * arrays where objects belong and back. The result is serialised again as JSON.
 */
import {
  COUNT_SAFE_NUMBERS,
  feedsCount,
  NUMBERS,
  REFERENCE_TARGETS,
  UNKNOWN_NAMES,
  VALUES,
} from './fragments.js';
import { nearMiss } from './mutateText.js';
import type { Rng } from './prng.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };

export type JsonMutator = (root: { [key: string]: Json }, rng: Rng) => void;

interface Slot {
  parent: Container;
  key: string | number;
  value: Json;
}

function slots(root: Json): Slot[] {
  const out: Slot[] = [];
  const walk = (node: Json): void => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        out.push({ parent: node, key: i, value: v });
        walk(v);
      });
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        out.push({ parent: node, key: k, value: v });
        walk(v);
      }
    }
  };
  walk(root);
  return out;
}

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether the slot may decide an instance count (see COUNT_SAFE_NUMBERS). */
function countSafe(slot: Slot): boolean {
  return typeof slot.key === 'string' ? feedsCount(slot.key) : true;
}

function set(slot: Slot, value: Json): void {
  (slot.parent as Record<string | number, Json>)[slot.key] = value;
}

const STRINGS = [
  '${',
  '${}',
  '${ nssv_vm. }',
  '%{ if true }',
  '%{ for x in }',
  '${1 +}',
  '$${literal}',
  '%%{literal}',
  '${"${"${1}"}"}',
  '${upper(}',
  '${[for x in [1] : x]}',
  '',
  ' ',
  'x\u0000y',
  '🚀',
  '\ud800',
  '${jsondecode("{")}',
  '${file("/nonexistent")}',
  '${nosuchfn()}',
  '${1/0}',
  '${var.nope}',
  '${tonumber("x")}',
  '${each.key}',
  '${count.index}',
  '${self.name}',
  '${local.nope}',
];

function randomValue(rng: Rng, countSafe = false): Json {
  if (countSafe && rng.chance(0.5)) return rng.pick(COUNT_SAFE_NUMBERS);
  switch (rng.int(countSafe ? 2 : 9) + (countSafe ? 4 : 0)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick([0, -1, 1.5, -0.25, 1e300, -1e300, 2 ** 53 + 2, 65536, 4095, 1e-300, 4e9]);
    case 3:
      return rng.pick(NUMBERS);
    case 4:
      return `\${${rng.pick(VALUES)}}`;
    case 5:
      return `\${${rng.pick(REFERENCE_TARGETS)}}`;
    case 6:
      return rng.pick(STRINGS);
    case 7:
      return rng.pick<Json>([[], [1, 'a'], [[]], [{}], [null]]);
    default:
      return rng.pick<Json>([{}, { a: 1 }, { '//': 'comment' }, { 'x y': [] }]);
  }
}

export const jsonMutators: Record<string, JsonMutator> = {
  deleteKey: (root, r) => {
    const objs = slots(root).filter((s) => !Array.isArray(s.parent));
    if (objs.length === 0) return;
    const s = r.pick(objs);
    delete (s.parent as Record<string, Json>)[s.key as string];
  },
  dropRequired: (root, r) => {
    const objs = slots(root).filter(
      (s) =>
        !Array.isArray(s.parent) &&
        /^(name|\w+_id|kind|size_gib|endpoint|token|source|policy)$/u.test(String(s.key)),
    );
    if (objs.length === 0) return;
    const s = r.pick(objs);
    delete (s.parent as Record<string, Json>)[s.key as string];
  },
  renameKey: (root, r) => {
    const objs = slots(root).filter((s) => !Array.isArray(s.parent));
    if (objs.length === 0) return;
    const s = r.pick(objs);
    const parent = s.parent as Record<string, Json>;
    delete parent[s.key as string];
    parent[nearMiss(String(s.key), r)] = s.value;
  },
  addUnknownKey: (root, r) => {
    const objs = slots(root).filter((s) => s.value && typeof s.value === 'object' && !Array.isArray(s.value));
    const target = (objs.length ? r.pick(objs).value : root) as Record<string, Json>;
    const name = r.pick(UNKNOWN_NAMES);
    target[name] = randomValue(r, feedsCount(name));
  },
  replaceValue: (root, r) => {
    const all = slots(root);
    if (all.length === 0) return;
    const s = r.pick(all);
    set(s, randomValue(r, countSafe(s)));
  },
  replaceLeaf: (root, r) => {
    const leaves = slots(root).filter((s) => s.value === null || typeof s.value !== 'object');
    if (leaves.length === 0) return;
    const s = r.pick(leaves);
    set(s, randomValue(r, countSafe(s)));
  },
  numberToString: (root, r) => {
    const nums = slots(root).filter((s) => typeof s.value === 'number');
    if (nums.length) {
      const s = r.pick(nums);
      set(s, r.chance(0.5) ? String(s.value) : r.pick(countSafe(s) ? COUNT_SAFE_NUMBERS : NUMBERS));
    }
  },
  breakInterpolation: (root, r) => {
    const strs = slots(root).filter((s) => typeof s.value === 'string');
    if (strs.length === 0) return;
    const s = r.pick(strs);
    const v = s.value as string;
    const at = r.int(v.length + 1);
    set(s, v.slice(0, at) + r.pick(['${', '}', '%{', '"', '\\', '$${', '${x', '~}', '[', '(']) + v.slice(at));
  },
  nearMissReference: (root, r) => {
    const refs = slots(root).filter((s) => typeof s.value === 'string' && /\$\{[^}]*\./u.test(s.value));
    if (refs.length === 0) return;
    const s = r.pick(refs);
    set(
      s,
      (s.value as string).replace(/([a-z_]+)\}/u, (_, w: string) => `${nearMiss(w, r)}}`),
    );
  },
  unknownReference: (root, r) => {
    const strs = slots(root).filter((s) => typeof s.value === 'string');
    if (strs.length) set(r.pick(strs), `\${${r.pick(REFERENCE_TARGETS)}}`);
  },
  wrapInArray: (root, r) => {
    const all = slots(root);
    if (all.length) {
      const s = r.pick(all);
      set(s, r.chance(0.5) ? [s.value] : [s.value, s.value]);
    }
  },
  unwrapArray: (root, r) => {
    const arrays = slots(root).filter((s) => Array.isArray(s.value));
    if (arrays.length) {
      const s = r.pick(arrays);
      set(s, (s.value as Json[])[0] ?? null);
    }
  },
  emptyContainer: (root, r) => {
    const cs = slots(root).filter((s) => s.value !== null && typeof s.value === 'object');
    if (cs.length) {
      const s = r.pick(cs);
      set(s, Array.isArray(s.value) ? [] : {});
    }
  },
  referenceCycle: (root, r) => {
    if (!isObject(root['resource'])) root['resource'] = {};
    const resource = root['resource'] as Record<string, Record<string, Json>>;
    if (r.chance(0.5)) {
      const existing = resource['nssv_datacenter'];
      resource['nssv_datacenter'] = {
        ...(isObject(existing) ? existing : {}),
        cyc_a: { name: '${nssv_datacenter.cyc_b.name}' },
        cyc_b: { name: '${nssv_datacenter.cyc_a.name}' },
      };
      return;
    }
    const bodies: Array<[string, string, Record<string, Json>]> = [];
    for (const [type, byName] of Object.entries(resource)) {
      if (!isObject(byName)) continue;
      for (const [name, body] of Object.entries(byName)) if (isObject(body)) bodies.push([type, name, body]);
    }
    if (bodies.length === 0) return;
    const [type, name, body] = r.pick(bodies);
    if (r.chance(0.5)) body['description'] = `\${${type}.${name}.name}`;
    else body['depends_on'] = [`${type}.${name}`];
  },
  countOrForEach: (root, r) => {
    const resource = root['resource'];
    const bodies = slots(resource ?? null).filter((s) => isObject(s.value) && 'name' in s.value);
    if (bodies.length === 0) return;
    const body = r.pick(bodies).value as Record<string, Json>;
    const [key, value] = r.pick<[string, Json]>([
      ['count', -1],
      ['count', 1.5],
      ['count', 'two'],
      ['count', '${-1}'],
      ['count', null],
      ['count', 3],
      ['for_each', ['a', 'b']],
      ['for_each', { a: 1 }],
      ['for_each', '${toset(["a", "a"])}'],
      ['for_each', 'a'],
      ['for_each', {}],
    ]);
    body[key] = value;
  },
};
