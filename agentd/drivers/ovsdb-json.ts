/** Decoding of `ovs-vsctl --format=json --data=json` output. */
export type OvsRow = Record<string, unknown>;

export interface OvsTable {
  headings: string[];
  data: unknown[][];
}

/** One `list` command's output as rows keyed by column, with OVSDB values decoded. */
export function tableRows(table: OvsTable): OvsRow[] {
  return table.data.map((row) => Object.fromEntries(table.headings.map((h, i) => [h, decode(row[i])])));
}

/**
 * OVSDB JSON values: ["map", [[k, v]…]] → Record, ["set", […]] → array, ["uuid", u] → u,
 * scalars as they are. A set with one element is sent as the bare element; callers use asArray.
 */
export function decode(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string') {
    const [tag, body] = value as [string, unknown];
    if (tag === 'map')
      return Object.fromEntries(
        (body as [unknown, unknown][]).map(([k, v]) => [String(decode(k)), decode(v)]),
      );
    if (tag === 'set') return (body as unknown[]).map(decode);
    if (tag === 'uuid' || tag === 'named-uuid') return body;
  }
  return value;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

export function asMap(value: unknown): Record<string, string> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};
}

/** A scalar column that is unset arrives as an empty set. */
export function asOptionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** Parses the concatenated JSON objects that several `list` commands in one ovs-vsctl call print. */
export function parseTables(stdout: string): OvsTable[] {
  return stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as OvsTable);
}
