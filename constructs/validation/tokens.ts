/**
 * Values not known until Terraform runs (cdktf tokens: "${TfToken[TOKEN.1]}" strings, token numbers,
 * IResolvable objects) satisfy every check: their JSON pointers are collected so errors at or under
 * them are dropped.
 */
export type IsToken = (value: unknown) => boolean;

/** JSON pointers ("/disk/0/volume_id") of every token in the value. */
export function tokenPointers(value: unknown, isToken: IsToken, at = ''): string[] {
  if (isToken(value)) return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => tokenPointers(v, isToken, `${at}/${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => tokenPointers(v, isToken, `${at}/${k}`));
  return [];
}

/** An error at `pointer` concerns a token: the pointer is a token, inside one, or (for whole-list checks) holds one. */
export function touchesToken(pointer: string, tokens: readonly string[], holds = false): boolean {
  return tokens.some(
    (t) => t === pointer || pointer.startsWith(`${t}/`) || (holds && t.startsWith(`${pointer}/`)),
  );
}
