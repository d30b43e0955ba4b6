import { attributeInfo } from '../../schemas/attributes.js';
import type { Plan } from '../plan/types.js';
import type { ResourceChange } from '../resourceChange.js';
import { isUnknown, type Attributes, type AttrValue } from '../../core/values.js';
import { renderValue } from './values.js';

const SYMBOL = { create: '+', update: '~', replace: '-/+', delete: '-', migrate: '~', noop: ' ' } as const;
const VERB = {
  create: 'will be created',
  update: 'will be updated in-place',
  replace: 'must be replaced',
  delete: 'will be destroyed',
  migrate: 'will be migrated',
  noop: 'is unchanged',
} as const;

function blockHeader(address: string, type: string): string {
  const last = address.split('.').slice(-1)[0] ?? address;
  const name = last.replace(/\[.*\]$/, '');
  return `resource "${type}" "${name}"`;
}

function isBlock(c: ResourceChange, key: string): boolean {
  return attributeInfo(c.type, key)?.block === true;
}

function isSensitive(c: ResourceChange, path: string): boolean {
  return c.sensitivePaths.includes(path.replace(/\[\d+\]/g, '[]')) || c.sensitivePaths.includes(path);
}

/** Lines of one attribute map; `sym` marks every line ("+" creates, "-" deletes). */
function allLines(c: ResourceChange, attrs: Attributes, sym: string, indent: string, prefix = ''): string[] {
  const lines: string[] = [];
  const scalars = Object.keys(attrs)
    .filter((k) => !(isBlock(c, prefix + k) && Array.isArray(attrs[k])))
    .sort();
  const shown = (k: string): boolean => !(attrs[k] === null && sym === '+');
  const width = Math.max(0, ...scalars.filter(shown).map((k) => k.length));
  for (const k of scalars) {
    if (!shown(k)) continue;
    lines.push(`${indent}${sym} ${k.padEnd(width)} = ${renderValue(attrs[k], isSensitive(c, prefix + k))}`);
  }
  for (const k of Object.keys(attrs)
    .filter((k) => !scalars.includes(k))
    .sort()) {
    for (const item of attrs[k] as AttrValue[]) {
      lines.push(`${indent}${sym} ${k} {`);
      lines.push(...allLines(c, (item ?? {}) as Attributes, sym, indent + '    ', `${prefix}${k}[].`));
      lines.push(`${indent}  }`);
    }
  }
  return lines;
}

function changedLines(c: ResourceChange, indent: string): string[] {
  const before = c.before ?? {};
  const after = c.after ?? {};
  const lines: string[] = [];
  let unchanged = 0;
  const same = (k: string): boolean =>
    !isUnknown(after[k]) && JSON.stringify(after[k] ?? null) === JSON.stringify(before[k] ?? null);
  const keys = Object.keys(after).sort();
  const width = Math.max(0, ...keys.filter((k) => !same(k)).map((k) => k.length));
  for (const k of keys) {
    const a = after[k];
    const b = before[k];
    if (same(k)) {
      unchanged++;
      continue;
    }
    const forces = c.requiredReplace.some((p) => p === k || p.startsWith(`${k}[`))
      ? ' # forces replacement'
      : '';
    const s = isSensitive(c, k);
    if (isUnknown(a) && c.action === 'replace' && attributeInfo(c.type, k)?.source === 'readonly') {
      lines.push(`${indent}~ ${k.padEnd(width)} = ${renderValue(b, s)} -> (known after apply)`);
    } else {
      lines.push(`${indent}~ ${k.padEnd(width)} = ${renderValue(b, s)} -> ${renderValue(a, s)}${forces}`);
    }
  }
  if (unchanged)
    lines.push(`${indent}  # (${unchanged} unchanged attribute${unchanged === 1 ? '' : 's'} hidden)`);
  return lines;
}

function hiddenLine(attrs: Attributes | null, indent: string): string {
  const n = Object.keys(attrs ?? {}).length;
  return `${indent}# (${n} unchanged attribute${n === 1 ? '' : 's'} hidden)`;
}

/** A moved instance with nothing else to do, as Terraform shows it. */
function renderMoveOnly(c: ResourceChange, from: string): string[] {
  return [
    `  # ${from} has moved to ${c.address}`,
    `    ${blockHeader(c.address, c.type)} {`,
    hiddenLine(c.after, '        '),
    '    }',
  ];
}

function renderForget(f: { address: string; type: string; attributeCount: number }): string[] {
  const n = f.attributeCount;
  return [
    `  # ${f.address} will no longer be managed by nssv, but will not be destroyed`,
    '  # (destroy = false is set in the configuration)',
    `  . ${blockHeader(f.address, f.type)} {`,
    `        # (${n} unchanged attribute${n === 1 ? '' : 's'} hidden)`,
    '    }',
  ];
}

/** An imported instance with nothing else to do, as Terraform shows it. */
function renderImportOnly(c: ResourceChange): string[] {
  return [
    `  # ${c.address} will be imported`,
    `    ${blockHeader(c.address, c.type)} {`,
    ...allLines(c, c.after ?? {}, ' ', '      '),
    '    }',
  ];
}

function renderChange(c: ResourceChange, movedFrom?: string, importedFrom?: string): string[] {
  const m = c.migration;
  const copy = m?.copyStorage
    ? `, copy storage: ${m.copyStorage.bytes} bytes of ${m.copyStorage.volumes.join(', ')}`
    : '';
  const verb = m ? `${VERB.migrate} from ${m.from} to ${m.to} (${m.mode}${copy})` : VERB[c.action];
  const out = [`  # ${c.address} ${verb}`];
  if (movedFrom) out.push(`  # (moved from ${movedFrom})`);
  if (importedFrom !== undefined) out.push(`  # (imported from ${JSON.stringify(importedFrom)})`);
  if (c.reason && c.action !== 'noop') out.push(`  # (${c.reason})`);
  if (c.disruption) out.push(`  # (disruption: ${c.disruption.label}: ${c.disruption.why})`);
  const sym = SYMBOL[c.action];
  out.push(`${sym.padStart(3)} ${blockHeader(c.address, c.type)} {`);
  if (c.action === 'create') out.push(...allLines(c, c.after ?? {}, '+', '      '));
  else if (c.action === 'delete') out.push(...allLines(c, c.before ?? {}, '-', '      '));
  else out.push(...changedLines(c, '      '));
  out.push('    }');
  return out;
}

/** How many instances the plan adds, changes and destroys (a replace counts as one add and one destroy). */
export function planCounts(plan: Plan): {
  add: number;
  change: number;
  destroy: number;
  forget: number;
  imports: number;
} {
  let add = 0;
  let change = 0;
  let destroy = 0;
  for (const c of plan.changes) {
    if (c.action === 'create') add++;
    else if (c.action === 'update' || c.action === 'migrate') change++;
    else if (c.action === 'delete') destroy++;
    else if (c.action === 'replace') {
      add++;
      destroy++;
    }
  }
  return { add, change, destroy, forget: plan.forgotten?.length ?? 0, imports: plan.imported?.length ?? 0 };
}

export function summaryLine(plan: Plan): string {
  const { add, change, destroy, forget, imports } = planCounts(plan);
  const stale = plan.staleCopies?.length ?? 0;
  return `Plan: ${imports ? `${imports} to import, ` : ''}${add} to add, ${change} to change, ${destroy} to destroy${forget ? `, ${forget} to forget` : ''}${stale ? `, ${stale} stale ${stale === 1 ? 'copy' : 'copies'} to remove` : ''}.`;
}

/** -refresh-only: what changed outside nssv; nothing will be done on the hosts. */
function renderRefreshText(plan: Plan): string {
  const changes = plan.changes.filter((c) => c.action !== 'noop');
  if (changes.length === 0) return 'No changes. Your infrastructure still matches the configuration.\n';
  const lines = [
    'Note: Objects have changed outside of nssv',
    '',
    'nssv detected the following changes made outside of nssv since the last apply:',
    '',
  ];
  for (const c of changes) {
    lines.push(`  # ${c.address} ${c.action === 'delete' ? 'has been deleted' : 'has changed'}`);
    lines.push(`${c.action === 'delete' ? '  -' : '  ~'} ${blockHeader(c.address, c.type)} {`);
    lines.push(
      ...(c.action === 'delete' ? allLines(c, c.before ?? {}, '-', '      ') : changedLines(c, '      ')),
    );
    lines.push('    }', '');
  }
  lines.push(
    'This is a refresh-only plan: nssv will not undo these changes. Applying it records them in the state.',
  );
  return lines.join('\n') + '\n';
}

/** The human plan, Terraform's symbols and wording. Deterministic: changes come sorted by address. */
export function renderPlanText(plan: Plan): string {
  if (plan.mode === 'refresh-only') return renderRefreshText(plan);
  const changes = plan.changes.filter((c) => c.action !== 'noop');
  const movedFrom = new Map((plan.moved ?? []).map((m) => [m.to, m.from]));
  const forgotten = plan.forgotten ?? [];
  const importedFrom = new Map((plan.imported ?? []).map((i) => [i.address, i.id]));
  const stale = plan.staleCopies ?? [];
  if (
    changes.length === 0 &&
    movedFrom.size === 0 &&
    forgotten.length === 0 &&
    importedFrom.size === 0 &&
    stale.length === 0
  ) {
    return 'No changes. Your infrastructure matches the configuration.\n';
  }
  const symbols = [...new Set(changes.map((c) => c.action))];
  const legend = (['create', 'update', 'replace', 'delete'] as const)
    .filter((a) => symbols.includes(a))
    .map(
      (a) =>
        `  ${SYMBOL[a].padStart(3)} ${a === 'replace' ? 'destroy and then create replacement' : a === 'update' ? 'update in-place' : a === 'delete' ? 'destroy' : 'create'}`,
    );
  if (forgotten.length > 0) legend.push('    . forget');
  const lines = [
    'nssv will perform the following actions:',
    ...(legend.length ? ['Resource actions are indicated with the following symbols:'] : []),
    ...legend,
    '',
  ];
  for (const c of plan.changes) {
    const from = movedFrom.get(c.address);
    const imported = importedFrom.get(c.address);
    if (c.action !== 'noop') lines.push(...renderChange(c, from, imported), '');
    else if (from) lines.push(...renderMoveOnly(c, from), '');
    else if (imported !== undefined) lines.push(...renderImportOnly(c), '');
  }
  for (const f of forgotten) lines.push(...renderForget(f), '');
  for (const s of stale) {
    lines.push(
      `  # ${s.address}: its stale copy on ${s.host} (domain "${s.domain}") will be destroyed`,
      `  # (the VM runs on ${s.runsOn}; ${s.host} kept a copy from before an HA restart)`,
      '',
    );
  }
  lines.push(summaryLine(plan));
  return lines.join('\n') + '\n';
}
