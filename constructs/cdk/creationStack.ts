/**
 * cdktn records a full stack trace for every token it makes (shown only if the token later fails
 * to resolve) unless CDKTN_DISABLE_CREATION_STACK is set. The attribute references L2 constructs
 * hand out (`volume.volumeId`) are plain `${type.name.id}` references that cannot fail to resolve,
 * and capturing their stacks was about 7 % of synthesizing 10,000 constructs (bench/cdkSynth10k).
 * So they are made without one, unless the user set the variable either way (their setting wins).
 * cdktf always captures; there this changes nothing.
 */
export function withoutCreationStack<T>(make: () => T): T {
  const env = process.env;
  if (env.CDKTN_DISABLE_CREATION_STACK !== undefined) return make();
  env.CDKTN_DISABLE_CREATION_STACK = '1';
  try {
    return make();
  } finally {
    delete env.CDKTN_DISABLE_CREATION_STACK;
  }
}
