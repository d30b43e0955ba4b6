/** Commands a user can type, for "did you mean" on an unknown command. */
const COMMANDS = [
  'plan',
  'apply',
  'destroy',
  'validate',
  'console',
  'output',
  'sandbox up',
  'sandbox status',
  'sandbox down',
  'state list',
  'state rm',
];

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * oclif's usage errors (unknown command, unknown flag, bad flag value) in nssv's style: what was
 * wrong, what is allowed, how to get help. Never a stack trace.
 */
export function usageError(e: unknown, args: readonly string[]): string {
  const message = e instanceof Error ? e.message : String(e);
  const notFound = /^command (\S+) not found/.exec(message);
  if (notFound) {
    const typed = notFound[1]!.replace(/:/g, ' ');
    const first = typed.split(' ')[0]!;
    const known = COMMANDS.map((c) => c.split(' ')[0]!);
    const topic = COMMANDS.filter((c) => c.startsWith(`${first} `));
    if (topic.length > 0) {
      return `Error: unknown command "${typed}".\n\n  Commands: ${topic.join(', ')}. See: nssv ${first} --help\n`;
    }
    if (known.includes(first)) {
      const extra = typed.slice(first.length).trim();
      return `Error: nssv ${first} takes no argument "${extra}"\n\n  Flags come with dashes (for example --config ${extra}). See: nssv ${first} --help\n`;
    }
    const best = [...new Set(known)]
      .map((c) => [c, distance(first, c)] as const)
      .sort((a, b) => a[1] - b[1])[0]!;
    const hint = best[1] <= 2 ? ` Did you mean "${best[0]}"?` : '';
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
