import { annotationsOf } from '../../schemas/annotationView.js';
import { attributeSchema, findResourceSchema } from '../../schemas/registry.js';
import type { DesiredInstance } from '../../planner/config/types.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { isUnknown, type Attributes, type AttrValue } from '../../core/values.js';
import { hasHandler } from './registry.js';

/**
 * Attributes the schemas accept (the full resource model validates) but the agents cannot apply
 * yet carry `"x-nssv-not-supported-yet": true` in their schema; values they cannot apply yet are
 * listed in `"x-nssv-not-supported-yet-values"`; a whole type without a handler carries the
 * annotation at its top level. Setting one to anything but its default is a plan error: never
 * silently ignored. The generated docs read the same annotations. Remove one when its handler
 * implements it.
 */
interface NotYet {
  /**
   * Top-level attributes first, then block items' (`leaf` set), each in schema order, with the
   * default they may keep (worked out once per type: the check runs for every instance).
   */
  attributes: Array<{ path: string; leaf?: string; fallback: unknown }>;
  values: Array<{ path: string; refused: readonly unknown[]; allowed: readonly unknown[] }>;
}

const notYetCache = new Map<string, NotYet>();

function notYet(type: string): NotYet {
  const cached = notYetCache.get(type);
  if (cached) return cached;
  const props = Object.entries(findResourceSchema(type)?.properties ?? {});
  const top = props
    .filter(([, p]) => annotationsOf(p).notSupportedYet)
    .map(([path, p]) => ({ path, fallback: p.default }));
  const nested = props.flatMap(([block, p]) =>
    annotationsOf(p).block
      ? Object.entries(p.items?.properties ?? {})
          .filter(([, leaf]) => annotationsOf(leaf).notSupportedYet)
          .map(([leaf, l]) => ({ path: block, leaf, fallback: l.default }))
      : [],
  );
  const values = props.flatMap(([path, p]) => {
    const refused = annotationsOf(p).refusedValues;
    if (refused.length === 0) return [];
    const allowed = (p.enum ?? []).filter((v) => !refused.some((r) => same(v as AttrValue, r)));
    return [{ path, refused, allowed }];
  });
  const out = { attributes: [...top, ...nested], values };
  notYetCache.set(type, out);
  return out;
}

const typeRefusedCache = new Map<string, boolean>();

/** A whole resource type plan refuses: no handler yet (its schema says so, and a test keeps the two in step). */
function typeNotSupported(type: string): boolean {
  let refused = typeRefusedCache.get(type);
  if (refused === undefined) {
    const schema = findResourceSchema(type);
    refused = !hasHandler(type) || (schema !== undefined && annotationsOf(schema).notSupportedYet);
    typeRefusedCache.set(type, refused);
  }
  return refused;
}

function same(a: AttrValue | undefined, b: unknown): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return x === y;
  return JSON.stringify(x) === JSON.stringify(y);
}

function diag(d: DesiredInstance, path: string, shown: string, why: string): Diagnostic {
  const top = path.split(/[[.]/)[0]!;
  return {
    severity: 'error',
    code: 'NSSV_NOT_SUPPORTED_YET',
    address: d.address,
    attribute: path,
    summary: `${d.address}: ${shown} is not supported yet: ${why}`,
    detail: `nssv validate accepts it (it is part of the resource model), but plan refuses it rather than ignore it. Fix: remove ${top} from ${d.address}, or leave it at its default.`,
    range: d.attributeRanges[path] ?? d.attributeRanges[top] ?? d.range,
  };
}

/**
 * Attributes not yet applied for one value of a discriminating attribute (a dir pool's quota and
 * thick provisioning; rbd pools apply both). Their schema descriptions say so.
 */
const NOT_YET_FOR: Readonly<Record<string, { attribute: string; value: string; paths: readonly string[] }>> =
  {
    nssv_storage_pool: { attribute: 'kind', value: 'dir', paths: ['quota_gib', 'thin_provisioning'] },
  };

/** Plan-time check: every resource type has a handler and no unsupported attribute is used. */
export function unsupportedFeatures(instances: readonly DesiredInstance[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of instances) {
    // A type nssv has no schema for is already refused by the loader (unknown or another provider's).
    if (!findResourceSchema(d.type)) continue;
    if (typeNotSupported(d.type)) {
      out.push({
        severity: 'error',
        code: 'NSSV_NOT_SUPPORTED_YET',
        address: d.address,
        summary: `${d.address}: resource type ${d.type} is not supported yet: this version's agents cannot create it`,
        detail: `nssv validate accepts it (it is part of the resource model), but plan refuses it rather than ignore it. Fix: remove ${d.address} for now.`,
        range: d.range,
      });
      continue;
    }
    const when = NOT_YET_FOR[d.type];
    for (const path of when && d.attributes[when.attribute] === when.value ? when.paths : []) {
      const v = d.attributes[path];
      if (v !== undefined && !isUnknown(v) && !same(v, attributeSchema(d.type, [path])?.default)) {
        const why = `the agents do not apply it to ${when!.attribute} = ${JSON.stringify(when!.value)} yet`;
        out.push(diag(d, path, path, why));
      }
    }
    const { attributes, values } = notYet(d.type);
    for (const { path, leaf, fallback } of attributes) {
      if (leaf) {
        const items = d.attributes[path];
        if (!Array.isArray(items)) continue;
        items.forEach((item, i) => {
          const v = (item as Attributes)?.[leaf];
          if (v !== undefined && !isUnknown(v) && !same(v, fallback)) {
            out.push(
              diag(d, `${path}[${i}].${leaf}`, `${path}[${i}].${leaf}`, 'the agents do not apply it yet'),
            );
          }
        });
        continue;
      }
      const v = d.attributes[path];
      if (v !== undefined && !isUnknown(v) && !same(v, fallback))
        out.push(diag(d, path, path, 'the agents do not apply it yet'));
    }
    for (const { path, refused, allowed } of values) {
      const v = d.attributes[path];
      if (v !== undefined && refused.some((x) => same(v, x))) {
        const today = allowed.map((x) => JSON.stringify(x)).join(', ');
        out.push({
          ...diag(
            d,
            path,
            `${path} = ${JSON.stringify(v)}`,
            'only the values the agents implement are usable today',
          ),
          detail: `nssv validate accepts it (it is part of the resource model), but plan refuses it rather than ignore it. Allowed today: ${today}. Fix: set ${path} = ${JSON.stringify(allowed[0])}.`,
        });
      }
    }
  }
  return out;
}
