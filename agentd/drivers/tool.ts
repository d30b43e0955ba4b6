import { errors } from '../errors.js';
import { type Exec, type ExecOptions, type ExecResult, formatCommand } from '../util/exec.js';

/** Runs `file args` through `exec`; `what` says what it was for, in errors. */
type ToolCall = (
  exec: Exec,
  file: string,
  args: readonly string[],
  what: string,
  options?: ExecOptions,
) => Promise<ExecResult>;

/** Runs a tool; a failure to start becomes `tool_failed`, a non-zero exit is returned to the caller. */
export const callTool: ToolCall = async (exec, file, args, what, options) => {
  try {
    return await exec(file, args, options);
  } catch (e) {
    throw errors.toolFailed(
      `${what}: ${e instanceof Error ? e.message : String(e)}`,
      formatCommand(file, args),
    );
  }
};

/** Runs a tool and turns a non-zero exit into a `tool_failed` error naming the command and its stderr. */
export const runTool: ToolCall = async (exec, file, args, what, options) => {
  const result = await callTool(exec, file, args, what, options);
  if (result.exitCode !== 0) throw toolError(file, args, what, result);
  return result;
};

export function toolError(file: string, args: readonly string[], what: string, result: ExecResult) {
  const stderr = result.stderr.trim() || result.stdout.trim();
  return errors.toolFailed(
    `${what}: ${file} exited with ${result.exitCode}${stderr ? `: ${firstLine(stderr)}` : ''}`,
    `${formatCommand(file, args)}\n${stderr}`,
  );
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.slice(0, 500);
}
