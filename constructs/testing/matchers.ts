/**
 * Jest-compatible matchers (no Jest dependency): `expect.extend(nssvMatchers)`, then
 *   expect(synthStack(stack)).toHaveNssvResource('nssv_vm', { name: 'web1', memoryMib: 2048 })
 *   expect(synthStack(stack)).toHaveNssvResourceCount('nssv_volume', 2)
 * Props are given in camelCase (as in the L1 configs) and compared with the synthesized snake_case
 * attributes; only the props given are compared.
 */
import { resourceSchema } from '../../schemas/registry.js';
import { toAttributes } from '../cdk/toAttributes.js';
import type { SynthesizedStack } from './synth.js';

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

function contains(actual: unknown, expected: unknown): boolean {
  if (expected === null || typeof expected !== 'object') return actual === expected;
  if (Array.isArray(expected))
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => contains(actual[i], e))
    );
  if (actual === null || typeof actual !== 'object') return false;
  return Object.entries(expected).every(([k, v]) => contains((actual as Record<string, unknown>)[k], v));
}

export const nssvMatchers = {
  toHaveNssvResource(received: SynthesizedStack, type: string, props: object = {}): MatcherResult {
    const { attributes, unknown } = toAttributes(resourceSchema(type), props as Record<string, unknown>);
    if (unknown.length) return { pass: false, message: () => `${unknown.join(', ')}: not props of ${type}` };
    const found = Object.entries(received.resources(type));
    const pass = found.some(([, body]) => contains(body, attributes));
    return {
      pass,
      message: () =>
        `expected ${pass ? 'no ' : ''}${type} with ${JSON.stringify(attributes)}; the stack has ${
          found.length ? found.map(([n, b]) => `${n} ${JSON.stringify(b)}`).join('; ') : 'none'
        }`,
    };
  },
  toHaveNssvResourceCount(received: SynthesizedStack, type: string, count: number): MatcherResult {
    const n = Object.keys(received.resources(type)).length;
    return {
      pass: n === count,
      message: () => `expected ${count} ${type} resource(s), the stack has ${n}`,
    };
  },
};

export interface NssvMatchers<R> {
  toHaveNssvResource(type: string, props?: object): R;
  toHaveNssvResourceCount(type: string, count: number): R;
}
