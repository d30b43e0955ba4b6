import type { NssvMetaArguments } from './types.js';

/** The Terraform meta-arguments a construct config may carry besides the resource's own attributes. */
export const META_ARGUMENTS = [
  'connection',
  'count',
  'dependsOn',
  'forEach',
  'lifecycle',
  'provider',
  'provisioners',
] as const satisfies readonly (keyof NssvMetaArguments)[];

/** Splits a config into its meta-arguments and the resource's attributes (still camelCase). */
export function splitConfig(config: object): {
  meta: NssvMetaArguments;
  props: Record<string, unknown>;
} {
  const meta: Record<string, unknown> = {};
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) {
    if ((META_ARGUMENTS as readonly string[]).includes(k)) meta[k] = v;
    else props[k] = v;
  }
  return { meta: meta as NssvMetaArguments, props };
}
