import { readFile, stat } from 'node:fs/promises';
import { agentApi } from '../schemas/generated/agentApiValidators.js';
import type { AgentConfig } from './config.js';
import { schemaProblems } from './schema-problems.js';

/** A config problem, reported as one line per problem; main exits 1 with it. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`agentd: invalid config ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates agentd's JSON config; every problem is listed with the field, the value and what is allowed. */
export async function loadConfig(file: string): Promise<AgentConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, [`cannot read the file: ${(e as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(file, [`not valid JSON: ${(e as Error).message}`]);
  }
  if (agentApi.AgentConfig.is(raw)) return raw;
  throw new ConfigError(file, validateConfig(raw));
}

/** Every problem of a config against its schema (schemas/agent-api/agent-config.schema.json), one line each. */
export function validateConfig(raw: unknown): string[] {
  return agentApi.AgentConfig.is(raw)
    ? []
    : schemaProblems(agentApi.AgentConfig.schema, raw, agentApi.AgentConfig.errors(raw), 'the config');
}

/** Reads the bearer token; refuses an empty file. */
export async function readToken(file: string): Promise<string> {
  return (await readTokens(file))[0]!;
}

/**
 * Reads the bearer tokens agentd accepts: one per line (blank lines ignored), so a rotation can
 * list the new and the old token for a while. Refuses a file without a token and short tokens.
 */
export async function readTokens(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, [`cannot read the token file: ${(e as Error).message}`]);
  }
  const tokens = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (tokens.length === 0 || tokens.some((t) => t.length < 16))
    throw new ConfigError(file, [
      'the token file must hold one token of at least 16 characters per line (two while rotating)',
    ]);
  return tokens;
}

/** True when group or others can read the token file (a warning, not an error). */
export async function tokenFileIsShared(file: string): Promise<boolean> {
  return ((await stat(file)).mode & 0o077) !== 0;
}
