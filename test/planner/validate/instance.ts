import type { DesiredInstance } from '../../../planner/config/types.js';
import type { SourceRange } from '../../../core/diagnostic.js';
import type { Attributes } from '../../../core/values.js';

export const at = (line: number, column = 3): SourceRange => ({ file: 'main.tf', line, column });

/** A DesiredInstance as the evaluator produces it; the block starts at main.tf:1:1 unless `range` says otherwise. */
export function instance(
  address: string,
  attributes: Attributes,
  opts: { ranges?: Record<string, SourceRange>; range?: SourceRange; sensitivePaths?: string[] } = {},
): DesiredInstance {
  const type = address.replace(/^(module\.[^.]+\.)*/, '').split('.')[0]!;
  return {
    address,
    resourceAddress: address.replace(/\[[^\]]*\]$/, ''),
    type,
    attributes,
    dependsOn: [],
    lifecycle: {
      createBeforeDestroy: false,
      preventDestroy: false,
      ignoreChanges: [],
      replaceTriggeredBy: [],
    },
    range: opts.range ?? at(1, 1),
    attributeRanges: opts.ranges ?? {},
    sensitivePaths: opts.sensitivePaths ?? [],
  };
}
