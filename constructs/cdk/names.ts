/** Attribute names: the schemas' snake_case (memory_mib) and the constructs' camelCase (memoryMib), as cdktf spells generated bindings. */

/** memory_mib → memoryMib; size_gib → sizeGib; k → k. */
export function camelCase(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** memoryMib → memory_mib. */
export function snakeCase(camel: string): string {
  return camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A path of snake_case segments and indexes as a construct user reads it: disk[0].volumeId. */
export function camelPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${camelCase(seg)}` : camelCase(seg);
  }
  return out;
}
