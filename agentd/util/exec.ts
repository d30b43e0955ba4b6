import { execa } from 'execa';

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  timeoutMs?: number;
  input?: string;
}

/**
 * The boundary between agentd and the host's tools: run `file` with an argv array (never a shell).
 * Resolves with the exit code and output, also when the tool fails; rejects only when the tool
 * cannot be started at all or times out. Unit tests inject a fake here.
 */
export type Exec = (file: string, args: readonly string[], options?: ExecOptions) => Promise<ExecResult>;

export const DEFAULT_TOOL_TIMEOUT_MS = 60_000;
/** For a tool that copies, converts or deletes a whole image's data: big images take minutes. */
export const DATA_TOOL_TIMEOUT_MS = 60 * 60_000;

export const realExec: Exec = async (file, args, options = {}) => {
  const result = await execa(file, [...args], {
    reject: false,
    shell: false,
    stripFinalNewline: false,
    timeout: options.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS,
    ...(options.input !== undefined ? { input: options.input } : { stdin: 'ignore' }),
    env: { LC_ALL: 'C' },
  });
  if (result.failed && result.exitCode === undefined) {
    throw new Error(`cannot run ${file}: ${result.shortMessage}`);
  }
  return { exitCode: result.exitCode ?? 1, stdout: String(result.stdout), stderr: String(result.stderr) };
};

/** Renders a command line for error details (arguments JSON-quoted when they need it). */
export function formatCommand(file: string, args: readonly string[]): string {
  return [file, ...args].map((a) => (/^[\w./:=@,+-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}
