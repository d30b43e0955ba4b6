/**
 * Testing helpers for users of nssv/constructs (in the spirit of cdktf's Testing.synth): synthesize a
 * stack to its Terraform JSON and look resources up by type and name; list validation problems as data.
 */
import type { IConstruct } from 'constructs';
import { cdk } from '../cdk/library.js';

type Json = Record<string, unknown>;

export interface SynthesizedStack {
  /** The cdk.tf.json document. */
  readonly json: Json;
  /** The resources of one type, by Terraform name, attributes as synthesized (snake_case, "//" metadata removed). */
  resources(type: string): Record<string, Json>;
  /** One resource, or undefined. */
  resource(type: string, name: string): Json | undefined;
}

function strip(body: Json): Json {
  const { ['//']: _meta, ...rest } = body;
  return rest;
}

/** Synthesizes the stack (a TerraformStack of the core in use), running validations: a prop problem throws, naming every construct path. */
export function synthStack(stack: IConstruct): SynthesizedStack {
  if (!cdk.TerraformStack.isStack(stack))
    throw new Error(
      `synthStack: ${stack.node.path || '(root)'} is not a TerraformStack. Fix: pass the stack itself.`,
    );
  const json = JSON.parse(cdk.Testing.synth(stack, true)) as Json;
  const all = (json['resource'] ?? {}) as Record<string, Record<string, Json>>;
  return {
    json,
    resources: (type) => Object.fromEntries(Object.entries(all[type] ?? {}).map(([n, b]) => [n, strip(b)])),
    resource: (type, name) => (all[type]?.[name] ? strip(all[type][name]) : undefined),
  };
}

/** Every validation problem under the scope, as "[construct/path] message" (no throw). */
export function validationProblems(scope: IConstruct): string[] {
  return scope.node.findAll().flatMap((c) => c.node.validate().map((m) => `[${c.node.path}] ${m}`));
}
