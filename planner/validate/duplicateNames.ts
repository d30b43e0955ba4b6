import type { Diagnostic } from '../../core/diagnostic.js';
import type { DesiredInstance } from '../config/types.js';
import { idAttribute } from '../../schemas/attributes.js';
import { findResourceSchema } from '../../schemas/registry.js';
import { duplicateName } from './errors.js';
import { rangeOf } from './paths.js';

/** Two instances of one type with the same (known) name: the name is the id, so it must be unique. */
export function duplicateNameDiagnostics(instances: readonly DesiredInstance[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  // by type, then name (maps in a map: no key string to build per instance)
  const first = new Map<string, Map<string, DesiredInstance>>();
  for (const inst of instances) {
    if (!findResourceSchema(inst.type)) continue;
    const attr = idAttribute(inst.type);
    const name = inst.attributes[attr];
    if (typeof name !== 'string') continue;
    let ofType = first.get(inst.type);
    if (!ofType) first.set(inst.type, (ofType = new Map()));
    const earlier = ofType.get(name);
    if (!earlier) {
      ofType.set(name, inst);
      continue;
    }
    out.push(
      duplicateName({
        type: inst.type,
        name,
        address: inst.address,
        range: rangeOf(inst, attr),
        firstAddress: earlier.address,
        firstRange: rangeOf(earlier, attr),
      }),
    );
  }
  return out;
}
