import { didYouMean } from '../../core/didYouMean.js';

/**
 * oclif's usage errors (unknown command, unknown flag, bad flag value) in nssv's style: what was
 * wrong, what is allowed (`commands`: what a user can type, see commandNames), how to get help.
 * Never a stack trace.
 */
export function usageError(e: unknown, args: readonly string[], commands: readonly string[]): string {
  const message = e instanceof Error ? e.message : String(e);
  const notFound = /^command (\S+) not found/.exec(message);
  if (notFound) {
    const typed = notFound[1]!.replace(/:/g, ' ');
    const first = typed.split(' ')[0]!;
    const known = commands.map((c) => c.split(' ')[0]!);
    const topic = commands.filter((c) => c.startsWith(`${first} `));
    if (topic.length > 0) {
      return `Error: unknown command "${typed}".\n\n  Commands: ${topic.join(', ')}. See: nssv ${first} --help\n`;
    }
    if (known.includes(first)) {
      const extra = typed.slice(first.length).trim();
      return `Error: nssv ${first} takes no argument "${extra}"\n\n  Flags come with dashes (for example --config ${extra}). See: nssv ${first} --help\n`;
    }
    const best = didYouMean(first, new Set(known));
    const hint = best ? ` Did you mean "${best}"?` : '';
    return `Error: unknown command "${first}".${hint}\n\n  Commands: ${[...new Set(known)].join(', ')}. See: nssv --help\n`;
  }
  const cleaned = message
    .split('\n')
    .map((l) => l.replace(/^\s*›\s*/, '').trimEnd())
    .filter((l) => l && !/^See more help with/.test(l))
    .join('\n  ');
  const command = args.find((a) => !a.startsWith('-')) ?? '';
  return `Error: ${cleaned}\n\n  See: nssv ${command ? `${command} ` : ''}--help\n`;
}
