import { commandWords, toolCommand } from './toolCommand.js';

/** Subcommands that only read, by tool. */
const READS: Record<string, ReadonlySet<string>> = {
  virsh: new Set(['list', 'dumpxml', 'domstate', 'dominfo', 'nodeinfo', 'nodedev-list', 'nodedev-dumpxml']),
  'ovs-vsctl': new Set(['list', 'get', 'find', 'show', 'list-br', 'list-ports', 'br-exists']),
  'ovs-ofctl': new Set(['dump-flows', 'dump-ports', 'show']),
  'qemu-img': new Set(['info']),
};

/** Words of a `ceph` or `rbd` command that make it a read (`osd pool ls detail`, `snap ls`, `info`). */
const CEPH_READ_VERBS = new Set(['ls', 'list', 'dump', 'get', 'info', 'df', 'du', 'status', 'tree']);

/**
 * Whether running `file args` only reads what it is run against, so that two identical runs close
 * together may share one answer (see readScope). Only the subcommands listed here count; anything
 * else (and anything with input on stdin) is taken to write. A virsh script (`dumpxml a; dumpxml b`,
 * one argument) reads when each of its commands does; an ovs-vsctl transaction (commands joined by
 * `--`) when each of its commands does; a tool run in a network namespace (`ip netns exec NS ceph
 * …`) as the tool it runs.
 */
export function readOnlyRun(file: string, commandLine: readonly string[]): boolean {
  const { tool, args } = toolCommand(file, commandLine);
  if (tool === 'ceph' || tool === 'rbd') return commandWords(args).some((w) => CEPH_READ_VERBS.has(w));
  const reads = READS[tool];
  if (!reads) return false;
  if (tool === 'ovs-vsctl') {
    const commands: string[][] = [[]];
    for (const a of args)
      if (a === '--') commands.push([]);
      else commands.at(-1)!.push(a);
    const named = commands.map(commandWords).filter((w) => w.length > 0);
    return named.length > 0 && named.every((w) => reads.has(w[0]!));
  }
  const [first] = commandWords(args);
  return first !== undefined && first.split(';').every((c) => reads.has(c.trim().split(/\s+/)[0]!));
}
