import { basename } from 'node:path';
import type { Metrics } from '../metrics.js';
import type { Exec } from './exec.js';

/** Options agentd gives its tools that take the next argument as their value. */
const VALUE_OPTIONS = new Set(['-c', '--id', '--keyring', '--connect-timeout', '-O']);

/**
 * What a tool run is counted as: the tool, and its subcommand (the first argument that is neither
 * an option nor an option's value): `virsh -q -c URI dumpxml vm` → virsh dumpxml,
 * `ovs-vsctl --format=json list Bridge` → ovs-vsctl list. A tool run in a network namespace
 * (`ip netns exec NS rbd …`) counts as the tool it runs.
 */
export function toolRunOf(file: string, args: readonly string[]): { tool: string; command: string } {
  if (basename(file) === 'ip' && args[0] === 'netns' && args[1] === 'exec' && args.length > 3)
    return toolRunOf(args[3]!, args.slice(4));
  let i = 0;
  while (i < args.length && args[i]!.startsWith('-')) i += VALUE_OPTIONS.has(args[i]!) ? 2 : 1;
  // a virsh script (`dumpxml a; dumpxml b`, one argument) counts as its first command
  return { tool: basename(file), command: (args[i] ?? '').split(/[\s;]/)[0]! };
}

/** `exec` that counts each run and its duration in `metrics`, by tool and subcommand. */
export function countedExec(exec: Exec, metrics: Metrics): Exec {
  return async (file, args, options) => {
    const started = performance.now();
    try {
      return await exec(file, args, options);
    } finally {
      const { tool, command } = toolRunOf(file, args);
      metrics.observeToolRun(tool, command, performance.now() - started);
    }
  };
}
