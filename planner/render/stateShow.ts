import { attributeInfo } from '../../schemas/attributes.js';
import type { Attributes, AttrValue } from '../../core/values.js';
import type { StateResource } from '../state/types.js';
import { renderValue } from './values.js';

function lines(r: StateResource, attrs: Attributes, indent: string, prefix = ''): string[] {
  const out: string[] = [];
  const isBlock = (k: string): boolean =>
    attributeInfo(r.type, prefix + k)?.block === true && Array.isArray(attrs[k]);
  const sensitive = (k: string): boolean =>
    r.sensitivePaths.includes(prefix + k) ||
    r.sensitivePaths.includes((prefix + k).replace(/\[\d+\]/g, '[]'));
  const scalars = Object.keys(attrs)
    .filter((k) => !isBlock(k) && attrs[k] !== null)
    .sort();
  const width = Math.max(0, ...scalars.map((k) => k.length));
  for (const k of scalars) out.push(`${indent}${k.padEnd(width)} = ${renderValue(attrs[k], sensitive(k))}`);
  for (const k of Object.keys(attrs).filter(isBlock).sort()) {
    for (const item of attrs[k] as AttrValue[]) {
      out.push('', `${indent}${k} {`);
      out.push(...lines(r, (item ?? {}) as Attributes, indent + '    ', `${prefix}${k}[].`));
      out.push(`${indent}}`);
    }
  }
  return out;
}

/** `nssv state show ADDRESS`, as `terraform state show` prints it; sensitive values hidden. */
export function renderStateResource(r: StateResource): string {
  const last = r.address.split('.').slice(-1)[0] ?? r.address;
  const name = last.replace(/\[.*\]$/, '');
  return [
    `# ${r.address}:`,
    `resource "${r.type}" "${name}" {`,
    ...lines(r, r.attributes, '    '),
    '}',
    '',
  ].join('\n');
}
