import type { Metrics } from '../metrics.js';
import type { Exec } from './exec.js';
import { commandWords, toolCommand } from './toolCommand.js';

/**
 * What a tool run is counted as: the tool (see toolCommand), and its subcommand (the first argument
 * that is neither an option nor an option's value): `virsh -q -c URI dumpxml vm` → virsh dumpxml,
 * `ovs-vsctl --format=json list Bridge` → ovs-vsctl list; a virsh script (`dumpxml a; dumpxml b`,
 * one argument) as its first command.
 */
export function toolRunOf(file: string, args: readonly string[]): { tool: string; command: string } {
  const run = toolCommand(file, args);
  return { tool: run.tool, command: (commandWords(run.args)[0] ?? '').split(/[\s;]/)[0]! };
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
