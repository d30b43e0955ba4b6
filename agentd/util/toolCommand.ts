import { basename } from 'node:path';

/** Options agentd gives its tools that take the next argument as their value. */
const VALUE_OPTIONS = new Set(['-c', '--id', '--keyring', '--connect-timeout', '-O']);

/**
 * A command line as the tool it runs: `ip netns exec NS rbd …` (how agentd runs a tool in a
 * network namespace) is rbd with the arguments after it; anything else is itself.
 */
export function toolCommand(
  file: string,
  args: readonly string[],
): { tool: string; args: readonly string[] } {
  if (basename(file) === 'ip' && args[0] === 'netns' && args[1] === 'exec' && args.length > 3)
    return { tool: basename(args[3]!), args: args.slice(4) };
  return { tool: basename(file), args };
}

/** The words of a command line that are neither options nor options' values. */
export function commandWords(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) out.push(a);
  }
  return out;
}
