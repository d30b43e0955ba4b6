/**
 * Values not known until Terraform runs (cdktf tokens: "${TfToken[TOKEN.1]}" strings, token numbers,
 * IResolvable objects) satisfy every check: their JSON pointers are collected so errors at or under
 * them are dropped.
 */
export type IsToken = (value: unknown) => boolean;

/** An error at `pointer` concerns a token: the pointer is a token, inside one, or (for whole-list checks) holds one. */
export function touchesToken(pointer: string, tokens: readonly string[], holds = false): boolean {
  return tokens.some(
    (t) => t === pointer || pointer.startsWith(`${t}/`) || (holds && t.startsWith(`${pointer}/`)),
  );
}
