/** Run a tool with an argv array (never a shell); failures become SandboxError('tool_failed'). */
import { execa } from 'execa';
import { errors } from './errors.js';

export interface RunOptions {
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Accept a non-zero exit; the caller inspects the result. */
  reject?: boolean;
  /** Written to the tool's stdin (else stdin is closed). */
  input?: string;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function run(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const result = await execa(cmd, args, {
    reject: false,
    ...(opts.input === undefined ? { stdin: 'ignore' as const } : { input: opts.input }),
    timeout: opts.timeoutMs ?? 30_000,
    ...(opts.env === undefined ? {} : { env: opts.env, extendEnv: true }),
  });
  const out: RunResult = {
    exitCode: result.exitCode ?? -1,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
  };
  if (out.exitCode !== 0 && opts.reject !== false) {
    const why = result.timedOut
      ? `timed out after ${opts.timeoutMs ?? 30_000} ms\n${out.stderr}`
      : out.stderr;
    throw errors.toolFailed([cmd, ...args], result.exitCode, why || out.stdout);
  }
  return out;
}

export async function succeeds(cmd: string, args: readonly string[], timeoutMs = 5_000): Promise<boolean> {
  const r = await run(cmd, args, { reject: false, timeoutMs });
  return r.exitCode === 0;
}
