/**
 * The commands of the running test that exited non-zero, with what they printed on stderr: the
 * test environment (failureContextEnvironment.mjs) prints them when the test fails, so a CI log
 * says why an `nssv apply` failed, not only that its exit code was 1.
 */
export interface FailedCommand {
  command: string;
  exitCode: number;
  stderr: string;
}

/** The key on the test's global the environment reads (and empties when each test starts). */
export const FAILED_COMMANDS_KEY = '__nssvFailedCommands';

export function recordFailedCommand(argv: readonly string[], exitCode: number, stderr: string): void {
  const g = globalThis as unknown as Record<string, FailedCommand[] | undefined>;
  (g[FAILED_COMMANDS_KEY] ??= []).push({ command: argv.join(' '), exitCode, stderr });
}
