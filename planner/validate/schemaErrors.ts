import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { DesiredInstance } from '../config/types.js';
import type { JsonSchema } from '../../schemas/jsonSchema.js';
import { didYouMean } from '../../core/didYouMean.js';
import { describeType, orList } from './formatValue.js';
import * as errors from './errors.js';
import type { Subject } from './errors.js';
import {
  formatPath,
  isSensitivePath,
  rangeOf,
  schemaSensitiveAlong,
  segmentsOf,
  type PathSegment,
} from './paths.js';
import { unitOf } from './units.js';
import { exampleFor, ruleFor } from './patternRule.js';

const FORMAT_RULES: Record<string, string> = {
  ipv4: 'an IPv4 address such as 10.0.0.1',
  ipv6: 'an IPv6 address such as fd00::1',
  uri: 'a URL such as https://example.com/image.qcow2',
  hostname: 'a host name such as host1.example.com',
  uuid: 'a UUID such as 0b9c6f1e-3c1a-4c55-9a8e-2f6d1f3b8a11',
};

interface Context {
  instance: DesiredInstance;
  schema: JsonSchema;
}

function lastName(segments: readonly PathSegment[]): string {
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i];
    if (typeof s === 'string') return s;
  }
  return '';
}

function subject(ctx: Context, segments: readonly PathSegment[], value: unknown): Subject {
  const attribute = formatPath(segments, ctx.schema);
  return {
    address: ctx.instance.address,
    attribute,
    value,
    sensitive: schemaSensitiveAlong(ctx.schema, segments) || isSensitivePath(ctx.instance, attribute),
    range: rangeOf(ctx.instance, attribute),
  };
}

/** Settable (not read-only) property names of an object schema, in schema order. */
export function settableNames(schema: JsonSchema | undefined): string[] {
  return Object.entries(schema?.properties ?? {})
    .filter(([, p]) => !p.readOnly)
    .map(([n]) => n);
}

function typeHint(attribute: string, value: unknown, types: string[]): string | undefined {
  const wantsNumber = types.includes('integer') || types.includes('number');
  if (wantsNumber && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    const n = Number(value);
    if (!types.includes('integer') || Number.isInteger(n))
      return `Fix: remove the quotes: ${attribute} = ${n}.`;
  }
  if (types.includes('integer') && !types.includes('number') && typeof value === 'number') {
    return `Fix: use a whole number, e.g. ${attribute} = ${Math.round(value)}.`;
  }
  if (types.includes('boolean') && (value === 'true' || value === 'false')) {
    return `Fix: remove the quotes: ${attribute} = ${value}.`;
  }
  if (types.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
    return `Fix: quote it: ${attribute} = "${String(value)}".`;
  }
  if (types.includes('array') && value !== null && typeof value !== 'object') {
    return `Fix: wrap it in a list: ${attribute} = [${JSON.stringify(value)}].`;
  }
  return undefined;
}

/** One ajv error as one Diagnostic in the user's terms. */
export function schemaErrorToDiagnostic(error: ErrorObject, ctx: Context): Diagnostic {
  const segments = segmentsOf(error.instancePath, ctx.instance.attributes);
  const parent = (error.parentSchema ?? {}) as JsonSchema;
  const params = error.params as Record<string, unknown>;
  const s = subject(ctx, segments, error.data);
  const objectPath = s.attribute;

  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const allowed = settableNames(parent);
      const suggestion = didYouMean(name, allowed);
      const attribute = formatPath([...segments, name], ctx.schema);
      return errors.unknownAttribute({
        address: s.address,
        type: ctx.instance.type,
        objectPath,
        name,
        suggestion,
        suggestionIsBlock: suggestion ? parent.properties?.[suggestion]?.['x-nssv-block'] === true : false,
        allowed,
        range: rangeOf(ctx.instance, attribute),
      });
    }
    case 'required': {
      const name = String(params.missingProperty);
      const prop = parent.properties?.[name];
      return errors.missingAttribute({
        address: s.address,
        objectPath,
        name,
        description: prop?.description,
        block: prop?.['x-nssv-block'] === true,
        range: rangeOf(ctx.instance, objectPath),
      });
    }
    case 'type': {
      const types = String(params.type).split(',');
      const block =
        parent['x-nssv-block'] === true ||
        (types.includes('object') &&
          segments.length > 0 &&
          typeof segments[segments.length - 1] === 'number');
      const expected = orList(types.map((t) => describeType(t, block)));
      const numeric = types.includes('integer') || types.includes('number');
      const bounds =
        numeric && (parent.minimum !== undefined || parent.maximum !== undefined)
          ? errors.describeBounds(parent.minimum, parent.maximum, unitOf(lastName(segments), parent))
          : undefined;
      return errors.typeMismatch({ ...s, expected, bounds, hint: typeHint(s.attribute, error.data, types) });
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? parent.enum ?? [];
      const strings = allowed.filter((a): a is string => typeof a === 'string');
      const suggestion =
        typeof error.data === 'string' && !s.sensitive ? didYouMean(error.data, strings) : undefined;
      return errors.notInEnum({ ...s, allowed, suggestion });
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return errors.outOfRange({
        ...s,
        bound: error.keyword,
        limit: Number(params.limit),
        min: parent.minimum ?? (parent.exclusiveMinimum as number | undefined),
        max: parent.maximum ?? (parent.exclusiveMaximum as number | undefined),
        unit: unitOf(lastName(segments), parent),
      });
    case 'minLength':
    case 'maxLength':
      return errors.badLength({ ...s, bound: error.keyword, limit: Number(params.limit) });
    case 'pattern':
      return errors.patternMismatch({
        ...s,
        rule: ruleFor(parent),
        example: s.sensitive || typeof error.data !== 'string' ? undefined : exampleFor(error.data, parent),
      });
    case 'format': {
      const format = String(params.format);
      return errors.badFormat({ ...s, format, rule: FORMAT_RULES[format] ?? format });
    }
    case 'minItems':
    case 'maxItems':
      return errors.badCount({
        ...s,
        bound: error.keyword,
        limit: Number(params.limit),
        block: parent['x-nssv-block'] === true,
      });
    case 'uniqueItems': {
      const i = Number(params.i);
      const j = Number(params.j);
      return errors.duplicateItem({ ...s, first: Math.min(i, j), second: Math.max(i, j) });
    }
    case 'multipleOf':
      return errors.notMultipleOf({
        ...s,
        multipleOf: Number(params.multipleOf),
        unit: unitOf(lastName(segments), parent),
      });
    default:
      return errors.invalidValue({ ...s, message: error.message ?? error.keyword });
  }
}
