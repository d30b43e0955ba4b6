import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';
import type { Block } from '../hcl/ast.js';
import { configErrors as E } from './errors.js';
import type { ModuleDecl } from './model.js';

/** Meta-arguments Terraform allows in data blocks that nssv does not evaluate there. */
const META = new Set(['count', 'for_each', 'depends_on', 'provider']);

/** data "TYPE" "NAME" { ARG = … }: plain arguments only; reading happens before planning. */
export function decodeData(m: ModuleDecl, b: Block, diags: Diagnostic[]): void {
  const [type, name] = [b.labels[0]!, b.labels[1]!];
  const key = `${type}.${name}`;
  const data = (m.dataSources ??= new Map());
  const prev = data.get(key);
  if (prev) {
    diags.push(E.duplicateData(b.labelRanges[1]!, `data.${key}`, prev.nameRange));
    return;
  }
  const attributes = [];
  const seen = new Map<string, SourceRange>();
  for (const a of b.body.attributes) {
    const dup = seen.get(a.name);
    if (dup) {
      diags.push(E.duplicate('argument', a.nameRange, a.name, dup));
      continue;
    }
    seen.set(a.name, a.nameRange);
    if (META.has(a.name)) diags.push(E.dataMeta(a.nameRange, `"${a.name}"`));
    else attributes.push(a);
  }
  for (const nb of b.body.blocks) diags.push(E.dataMeta(nb.typeRange, `a "${nb.type}" block`));
  data.set(key, {
    type,
    name,
    range: b.range,
    typeRange: b.labelRanges[0]!,
    nameRange: b.labelRanges[1]!,
    attributes,
  });
}
