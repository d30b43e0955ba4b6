import type { MetCondition } from '../../../schemas/rules/conditions.js';
import type { Condition } from '../../../schemas/rules/types.js';
import { formatValue } from '../formatValue.js';

function describe(c: Condition, shown: unknown): string {
  if (c.set !== undefined) return c.set ? `${c.attribute} is set` : `${c.attribute} is not set`;
  return `${c.attribute} = ${formatValue(shown)}`;
}

/** A rule's conditions in words, for messages: `kind = "rbd"`, `its switch nssv_distributed_switch.s has transport = "vxlan"`. */
export function conditionWords(met: readonly MetCondition<string>[]): string {
  return met
    .map(({ condition: c, looked, via }) => {
      if (via === undefined) return describe(c, looked.value);
      const noun = c.via!.replace(/_ids?$/, '').replace(/_/g, ' ');
      return `its ${noun} ${via} has ${describe(c, looked.value)}`;
    })
    .join(' and ');
}
