/**
 * Every diagnostic planner/validate reports, as named factories with stable codes.
 * Messages say what is wrong in the user's terms, the value given, what is allowed and how to fix it.
 * Sensitive values are never echoed: callers pass `sensitive` and the value prints as "(sensitive value)".
 */
import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';
import { describeKind, formatValue } from './formatValue.js';

export const CODES = {
  unknownResourceType: 'NSSV_SCHEMA_UNKNOWN_RESOURCE_TYPE',
  unknownAttribute: 'NSSV_SCHEMA_UNKNOWN_ATTRIBUTE',
  missingAttribute: 'NSSV_SCHEMA_MISSING_ATTRIBUTE',
  type: 'NSSV_SCHEMA_TYPE',
  enum: 'NSSV_SCHEMA_ENUM',
  range: 'NSSV_SCHEMA_RANGE',
  length: 'NSSV_SCHEMA_LENGTH',
  pattern: 'NSSV_SCHEMA_PATTERN',
  format: 'NSSV_SCHEMA_FORMAT',
  count: 'NSSV_SCHEMA_COUNT',
  unique: 'NSSV_SCHEMA_UNIQUE',
  multipleOf: 'NSSV_SCHEMA_MULTIPLE_OF',
  readOnly: 'NSSV_SCHEMA_READ_ONLY',
  invalid: 'NSSV_SCHEMA_INVALID',
  duplicateName: 'NSSV_DUPLICATE_NAME',
} as const;

/** The attribute a diagnostic is about. */
export interface Subject {
  address: string;
  /** Attribute path: memory_mib, disk[0].volume_id; '' for the resource itself. */
  attribute: string;
  value: unknown;
  sensitive: boolean;
  range: SourceRange;
}

function diag(
  code: string,
  s: Pick<Subject, 'address' | 'attribute' | 'range'>,
  summary: string,
  detail: string,
): Diagnostic {
  const d: Diagnostic = { severity: 'error', code, address: s.address, summary, detail, range: s.range };
  if (s.attribute !== '') d.attribute = s.attribute;
  return d;
}

/** What one value of an attribute is called: name → "name", uplinks[0] → "uplink", dns_domain → "dns domain". */
function leafNoun(attribute: string): string {
  const item = /\[\d+\]$/.test(attribute);
  const last = attribute
    .replace(/(\[\d+\])+$/, '')
    .replace(/^.*[.\]]/, '')
    .replace(/_/g, ' ');
  return item ? last.replace(/s$/, '') : last;
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** "nssv_vm.web: memory_mib = 32" */
function given(s: Subject): string {
  return `${s.address}: ${s.attribute} = ${formatValue(s.value, s.sensitive)}`;
}

/** "in nssv_vm.web" or "in disk[0] of nssv_vm.web" */
function where(address: string, objectPath: string): string {
  return objectPath === '' ? `in ${address}` : `in ${objectPath} of ${address}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function unknownResourceType(args: {
  address: string;
  type: string;
  suggestion?: string;
  range: SourceRange;
}): Diagnostic {
  const { address, type, suggestion } = args;
  const summary = suggestion
    ? `Unknown resource type "${type}" in ${address}: did you mean "${suggestion}"?`
    : `Unknown resource type "${type}" in ${address}.`;
  const fix = suggestion
    ? `Fix: change the resource type to "${suggestion}".`
    : `Fix: use one of the resource types listed in docs/resources/.`;
  return diag(
    CODES.unknownResourceType,
    { address, attribute: '', range: args.range },
    summary,
    `nssv has no resource type named "${type}". ${fix}`,
  );
}

export function unknownAttribute(args: {
  address: string;
  type: string;
  /** Path of the object the attribute was found in ('' at top level, "disk[0]" in a block). */
  objectPath: string;
  name: string;
  suggestion?: string;
  /** Whether the suggestion is a nested block rather than an argument. */
  suggestionIsBlock?: boolean;
  allowed: readonly string[];
  range: SourceRange;
}): Diagnostic {
  const { address, objectPath, name, suggestion } = args;
  const kind = suggestion && args.suggestionIsBlock ? 'block type' : 'argument';
  const summary = suggestion
    ? `Unsupported ${kind} "${name}" ${where(address, objectPath)}: did you mean "${suggestion}"?`
    : `Unsupported ${kind} "${name}" ${where(address, objectPath)}.`;
  const owner =
    objectPath === '' ? args.type : `A ${objectPath.replace(/\[\d+\]$/, '')} block of ${args.type}`;
  const accepted = !suggestion && args.allowed.length ? ` Accepted here: ${args.allowed.join(', ')}.` : '';
  const fix = suggestion ? `Fix: rename "${name}" to "${suggestion}".` : `Fix: remove "${name}".`;
  const attribute = objectPath === '' ? name : `${objectPath}.${name}`;
  return diag(
    CODES.unknownAttribute,
    { address, attribute, range: args.range },
    summary,
    `${owner} has no ${kind} named "${name}".${accepted} ${fix}`,
  );
}

export function missingAttribute(args: {
  address: string;
  objectPath: string;
  name: string;
  description?: string;
  block: boolean;
  range: SourceRange;
}): Diagnostic {
  const { address, objectPath, name } = args;
  const what = args.block ? `block "${name}"` : `argument "${name}"`;
  const summary = `Missing required ${what} ${where(address, objectPath)}.`;
  const about = args.description ? `${name}: ${args.description} ` : '';
  const into = objectPath === '' ? 'the resource block' : `the ${objectPath} block`;
  const fix = args.block ? `Fix: add a ${name} { … } block to ${into}.` : `Fix: add ${name} = … to ${into}.`;
  const attribute = objectPath === '' ? name : `${objectPath}.${name}`;
  return diag(CODES.missingAttribute, { address, attribute, range: args.range }, summary, `${about}${fix}`);
}

export function typeMismatch(s: Subject & { expected: string; bounds?: string; hint?: string }): Diagnostic {
  const summary = `${given(s)} is ${describeKind(s.value)}, but it must be ${s.expected}.`;
  const fix = s.hint ?? `Fix: set ${s.attribute} to ${s.expected}.`;
  const allowed = s.bounds ? `${s.expected}, ${s.bounds}` : s.expected;
  return diag(CODES.type, s, summary, `Allowed: ${allowed}. ${fix}`);
}

export function notInEnum(s: Subject & { allowed: readonly unknown[]; suggestion?: unknown }): Diagnostic {
  const allowed = s.allowed.map((a) => formatValue(a)).join(', ');
  const summary = `${given(s)} is not an allowed value.`;
  const fix =
    s.suggestion !== undefined
      ? `Did you mean ${formatValue(s.suggestion)}? Fix: set ${s.attribute} to ${formatValue(s.suggestion)}.`
      : `Fix: set ${s.attribute} to one of the allowed values.`;
  return diag(CODES.enum, s, summary, `Allowed: ${allowed}. ${fix}`);
}

/** "64–1048576 MiB", "at least 1", "at most 9000 MiB" */
export function describeBounds(min: number | undefined, max: number | undefined, unit?: string): string {
  const u = unit ? ` ${unit}` : '';
  if (min !== undefined && max !== undefined) return `${min}–${max}${u}`;
  if (min !== undefined) return `at least ${min}${u}`;
  if (max !== undefined) return `at most ${max}${u}`;
  return 'any number';
}

export function outOfRange(
  s: Subject & {
    bound: 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum';
    limit: number;
    min?: number;
    max?: number;
    unit?: string;
  },
): Diagnostic {
  const phrase = {
    minimum: `is below the minimum ${s.limit}`,
    maximum: `is above the maximum ${s.limit}`,
    exclusiveMinimum: `must be greater than ${s.limit}`,
    exclusiveMaximum: `must be less than ${s.limit}`,
  }[s.bound];
  const fixPhrase = {
    minimum: `at least ${s.limit}`,
    maximum: `at most ${s.limit}`,
    exclusiveMinimum: `more than ${s.limit}`,
    exclusiveMaximum: `less than ${s.limit}`,
  }[s.bound];
  return diag(
    CODES.range,
    s,
    `${given(s)} ${phrase}.`,
    `Allowed: ${describeBounds(s.min, s.max, s.unit)}. Fix: set ${s.attribute} to ${fixPhrase}.`,
  );
}

export function badLength(s: Subject & { bound: 'minLength' | 'maxLength'; limit: number }): Diagnostic {
  const length = typeof s.value === 'string' ? [...s.value].length : 0;
  const has = s.sensitive ? '' : ` (${plural(length, 'character')})`;
  if (s.bound === 'minLength') {
    return diag(
      CODES.length,
      s,
      `${given(s)} is too short${has}.`,
      `Allowed: at least ${plural(s.limit, 'character')}. Fix: set ${s.attribute} to a longer value.`,
    );
  }
  return diag(
    CODES.length,
    s,
    `${given(s)} is too long${has}.`,
    `Allowed: at most ${plural(s.limit, 'character')}. Fix: shorten ${s.attribute}.`,
  );
}

export function patternMismatch(s: Subject & { rule: string; example?: string }): Diagnostic {
  const leaf = leafNoun(s.attribute);
  const fix = s.example
    ? `Fix: change ${s.attribute} to follow the rule, e.g. ${formatValue(s.example)}.`
    : `Fix: change ${s.attribute} to follow the rule.`;
  return diag(CODES.pattern, s, `${given(s)} is not a valid ${leaf}.`, `Rule: ${s.rule} ${fix}`);
}

const FORMAT_NAMES: Record<string, string> = {
  ipv4: 'IPv4 address',
  ipv6: 'IPv6 address',
  uri: 'URL',
  hostname: 'host name',
  uuid: 'UUID',
};

export function badFormat(s: Subject & { format: string; rule: string }): Diagnostic {
  const name = FORMAT_NAMES[s.format] ?? s.format;
  return diag(
    CODES.format,
    s,
    `${given(s)} is not a valid ${name}.`,
    `Allowed: ${s.rule}. Fix: set ${s.attribute} to a valid ${name}.`,
  );
}

export function badCount(
  s: Subject & { bound: 'minItems' | 'maxItems'; limit: number; block: boolean },
): Diagnostic {
  const n = Array.isArray(s.value) ? s.value.length : 0;
  const noun = s.block ? `${s.attribute.replace(/^.*\./, '')} block` : 'item';
  const has = s.block ? plural(n, noun) : plural(n, 'item');
  const summary =
    s.bound === 'minItems'
      ? `${s.address}: ${s.attribute} has ${has}, but at least ${s.limit} ${s.limit === 1 ? 'is' : 'are'} required.`
      : `${s.address}: ${s.attribute} has ${has}, but at most ${s.limit} ${s.limit === 1 ? 'is' : 'are'} allowed.`;
  const fix =
    s.bound === 'minItems'
      ? `Fix: add ${s.block ? `${noun}s` : 'items'} until there are at least ${s.limit}.`
      : `Fix: remove ${s.block ? `${noun}s` : 'items'} until there are at most ${s.limit}.`;
  return diag(
    CODES.count,
    { ...s },
    summary,
    `Allowed: ${s.bound === 'minItems' ? 'at least' : 'at most'} ${plural(s.limit, s.block ? noun : 'item')}. ${fix}`,
  );
}

export function duplicateItem(s: Subject & { first: number; second: number }): Diagnostic {
  const item = Array.isArray(s.value) ? s.value[s.second] : undefined;
  return diag(
    CODES.unique,
    s,
    `${s.address}: ${s.attribute} lists ${formatValue(item, s.sensitive)} twice (items ${s.first} and ${s.second}).`,
    `Allowed: each value at most once. Fix: remove item ${s.second} of ${s.attribute}.`,
  );
}

export function notMultipleOf(s: Subject & { multipleOf: number; unit?: string }): Diagnostic {
  const u = s.unit ? ` ${s.unit}` : '';
  return diag(
    CODES.multipleOf,
    s,
    `${given(s)} is not a multiple of ${s.multipleOf}${u}.`,
    `Allowed: multiples of ${s.multipleOf}${u}. Fix: round ${s.attribute} to a multiple of ${s.multipleOf}.`,
  );
}

export function readOnlyAttribute(args: {
  address: string;
  attribute: string;
  description?: string;
  range: SourceRange;
}): Diagnostic {
  const about = args.description ? `${args.attribute}: ${args.description} ` : '';
  const ref = args.attribute.includes('[') ? '' : ` Read it as ${args.address}.${args.attribute}.`;
  return diag(
    CODES.readOnly,
    args,
    `${args.address}: ${args.attribute} cannot be set: nssv computes it.`,
    `${about}It is read-only.${ref} Fix: remove ${args.attribute} from the resource block.`,
  );
}

/** Fallback for a schema error without a dedicated message. */
export function invalidValue(s: Subject & { message: string }): Diagnostic {
  return diag(
    CODES.invalid,
    s,
    `${given(s)} is not valid: ${s.message}.`,
    `Fix: change ${s.attribute} to a valid value.`,
  );
}

export function duplicateName(args: {
  type: string;
  name: string;
  address: string;
  range: SourceRange;
  firstAddress: string;
  firstRange: SourceRange;
}): Diagnostic {
  const at = (r: SourceRange) => `${r.file}:${r.line}:${r.column}`;
  return diag(
    CODES.duplicateName,
    { address: args.address, attribute: 'name', range: args.range },
    `Duplicate name "${args.name}" for ${args.type}: ${args.firstAddress} and ${args.address} both use it.`,
    `The name of a ${args.type} is its id and must be unique. ${args.firstAddress} sets name = "${args.name}" at ${at(args.firstRange)}; ` +
      `${args.address} sets it at ${at(args.range)}. Fix: give each a different name (with count or for_each, include count.index or each.key).`,
  );
}

// ---- Cross-field rules (schemas/rules) ----

/** Where a rule violation is reported, and the rule's code and words. */
export interface RuleSubject {
  code: string;
  address: string;
  attribute: string;
  range: SourceRange;
  /** The rule in words (schemas/rules: `says`). */
  says: string;
}

function rule(s: RuleSubject, summary: string, fix: string): Diagnostic {
  return diag(s.code, s, summary, `Rule: ${s.says}. Fix: ${fix}`);
}

function when(words: string): string {
  return words ? ` when ${words}` : '';
}

function andList(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function noneOfExactlyOne(
  s: RuleSubject & { attributes: readonly string[]; words: string },
): Diagnostic {
  const names = s.attributes.join(' or ');
  return rule(
    s,
    `${s.address}: one of ${names} is required${when(s.words)}, but neither is set.`,
    `set exactly one of ${andList(s.attributes)}.`,
  );
}

export function tooManyOf(s: RuleSubject & { attributes: readonly string[]; words: string }): Diagnostic {
  const all = s.attributes.length === 2 ? 'are both set' : 'are all set';
  return rule(
    s,
    `${s.address}: ${andList(s.attributes)} ${all}, but only one is allowed${when(s.words)}.`,
    `remove ${s.attributes.length === 2 ? 'one of them' : 'all but one of them'}.`,
  );
}

export function requiredByRule(s: RuleSubject & { words: string; block: boolean }): Diagnostic {
  const what = s.block ? `${article(s.attribute.replace(/^.*\./, ''))} block` : s.attribute;
  return rule(
    s,
    `${s.address}: ${what} is required${when(s.words)}.`,
    s.block ? `add a ${s.attribute.replace(/^.*\./, '')} { … } block.` : `set ${s.attribute}.`,
  );
}

export function forbiddenByRule(
  s: RuleSubject & { value: unknown; sensitive: boolean; words: string; block: boolean },
): Diagnostic {
  const what = s.block
    ? `${article(s.attribute.replace(/^.*\./, ''))} block`
    : `${s.attribute} = ${formatValue(s.value, s.sensitive)}`;
  return rule(
    s,
    `${s.address}: ${what} is not allowed${when(s.words)}.`,
    `remove ${s.block ? `the ${s.attribute.replace(/^.*\./, '')} block` : s.attribute}.`,
  );
}

export function valueNotAllowedByRule(
  s: RuleSubject & { value: unknown; sensitive: boolean; words: string; allowed: ReadonlyArray<unknown> },
): Diagnostic {
  const allowed = s.allowed.map((v) => formatValue(v)).join(', ');
  return rule(
    s,
    `${s.address}: ${s.attribute} = ${formatValue(s.value, s.sensitive)} is not allowed${when(s.words)}; allowed: ${allowed}.`,
    `set ${s.attribute} = ${formatValue(s.allowed[0])}.`,
  );
}

export function tooFewItems(s: RuleSubject & { count: number; min: number; words: string }): Diagnostic {
  return rule(
    s,
    `${s.address}: ${s.attribute} has ${plural(s.count, 'item')}, but at least ${s.min} are needed${when(s.words)}.`,
    `list at least ${s.min} in ${s.attribute}.`,
  );
}

export function badCidr(
  s: RuleSubject & { value: string; problem: 'syntax' | 'prefix' | 'hostBits'; normalised?: string },
): Diagnostic {
  const given = `${s.address}: ${s.attribute} = ${formatValue(s.value)}`;
  if (s.problem === 'hostBits') {
    return rule(
      s,
      `${given} is not a network address: host bits are set.`,
      `did you mean ${formatValue(s.normalised)}? Set ${s.attribute} = ${formatValue(s.normalised)}.`,
    );
  }
  const why =
    s.problem === 'prefix' ? 'the prefix length must be 0–32' : 'each of the four numbers must be 0–255';
  return rule(
    s,
    `${given} is not a valid IPv4 network: ${why}.`,
    `write it as ADDRESS/PREFIX, e.g. "10.0.0.0/24".`,
  );
}

export function outsideCidr(
  s: RuleSubject & {
    value: string;
    cidrPath: string;
    cidr: string;
    hosts: [string, string];
    reason: 'outside' | 'network' | 'broadcast';
  },
): Diagnostic {
  const given = `${s.address}: ${s.attribute} = ${formatValue(s.value)}`;
  const what =
    s.reason === 'outside'
      ? `is outside ${s.cidrPath} = ${formatValue(s.cidr)}`
      : `is the ${s.reason} address of ${s.cidrPath} = ${formatValue(s.cidr)}`;
  return rule(
    s,
    `${given} ${what}.`,
    `set ${s.attribute} to an address from ${s.hosts[0]} to ${s.hosts[1]}, or change ${s.cidrPath}.`,
  );
}

export function outOfOrder(
  s: RuleSubject & { first: string; firstValue: unknown; second: string; secondValue: unknown },
): Diagnostic {
  return rule(
    s,
    `${s.address}: ${s.first} = ${formatValue(s.firstValue)} is after ${s.second} = ${formatValue(s.secondValue)}.`,
    `swap them, or set ${s.first} to at most ${formatValue(s.secondValue)}.`,
  );
}

export function insideRange(
  s: RuleSubject & { value: unknown; rangePath: string; start: unknown; end: unknown },
): Diagnostic {
  return rule(
    s,
    `${s.address}: ${s.attribute} = ${formatValue(s.value)} is inside the range ${s.rangePath} (${formatValue(s.start)}–${formatValue(s.end)}).`,
    `move ${s.attribute} out of the range, or shrink the range so it excludes ${formatValue(s.value)}.`,
  );
}

export function tooManyPerReference(
  s: RuleSubject & {
    type: string;
    count: number;
    limit: number;
    target: string;
    via: string;
    decider: string;
    value: string;
    noun: string;
  },
): Diagnostic {
  return rule(
    s,
    `${s.target} has ${s.count} ${s.noun} in this configuration, but at most ${s.limit} are allowed (${s.via} has ${s.decider} = ${formatValue(s.value)}).`,
    `keep at most ${s.limit} ${s.type} resources for ${s.target}; remove ${s.count - s.limit}.`,
  );
}

export function missingHostLabels(
  s: RuleSubject & { value: string; label: string; cluster: string; hosts: readonly string[] },
): Diagnostic {
  return rule(
    s,
    `${s.address}: ${s.attribute} = ${formatValue(s.value)} needs every host of ${s.cluster} labelled "${s.label}", but ${andList(s.hosts)} ${s.hosts.length === 1 ? 'has' : 'have'} no such label.`,
    `add labels = { ${s.label} = "…" } to ${andList(s.hosts)}, or choose another failure_domain.`,
  );
}
