/**
 * Errors the sandbox reports, as data: a stable code, a message in the user's terms and a hint
 * that says what to do. Only bin/ turns them into exit codes.
 */
import { sandboxCommand, type CommandContext } from './commandLine.js';

export type SandboxErrorCode =
  | 'not_root'
  | 'invalid_option'
  | 'path_too_long'
  | 'missing_tool'
  | 'agentd_missing'
  | 'busy'
  | 'name_in_use'
  | 'degraded'
  | 'tool_failed'
  | 'start_timeout'
  | 'stop_failed'
  | 'state_invalid'
  | 'interrupted';

export class SandboxError extends Error {
  readonly code: SandboxErrorCode;
  readonly hint: string | undefined;
  detail: string | undefined;

  constructor(code: SandboxErrorCode, message: string, opts: { hint?: string; detail?: string } = {}) {
    super(message);
    this.name = 'SandboxError';
    this.code = code;
    this.hint = opts.hint;
    this.detail = opts.detail;
  }

  toJSON(): { code: SandboxErrorCode; message: string; hint?: string; detail?: string } {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.detail === undefined ? {} : { detail: this.detail }),
    };
  }
}

export const isSandboxError = (e: unknown): e is SandboxError => e instanceof SandboxError;

export const errors = {
  /** `command`: the command line to repeat as root, e.g. `nssv sandbox up --root /tmp/x`. */
  notRoot: (command: string): SandboxError =>
    new SandboxError(
      'not_root',
      'The sandbox needs root (network and mount namespaces, Open vSwitch, libvirtd).',
      {
        hint: `Run it as root, e.g. \`sudo npx ${command}\`.`,
      },
    ),
  invalidHosts: (given: string, max: number): SandboxError =>
    new SandboxError(
      'invalid_option',
      /^[+-]?\d+$/.test(given.trim())
        ? `--hosts ${given} is out of range: it takes a whole number of hosts from 1 to ${max}.`
        : `--hosts ${JSON.stringify(given)} is not a whole number: it takes a number of hosts from 1 to ${max}.`,
      { hint: `Fix: pass --hosts with a value from 1 to ${max}, e.g. --hosts 2.` },
    ),
  /** A path option that takes a directory names a file (or lies under one). */
  notADirectory: (
    origin: string,
    blocker: string,
    isTarget: boolean,
    kind: string,
    takes: string,
    fix: string,
  ): SandboxError =>
    new SandboxError(
      'invalid_option',
      isTarget
        ? `${origin} is ${kind}; it takes a directory (${takes}).`
        : `${origin} is inside ${blocker}, which is ${kind}; it takes a directory (${takes}).`,
      { hint: `Fix: ${fix}` },
    ),
  invalidOption: (option: string, given: string, allowed: string, hint?: string): SandboxError =>
    new SandboxError('invalid_option', `Invalid ${option} ${JSON.stringify(given)}: ${allowed}.`, {
      hint: hint ?? `Pass a valid --${option}.`,
    }),
  pathTooLong: (path: string, bytes: number, maxBytes: number): SandboxError =>
    new SandboxError(
      'path_too_long',
      `Unix socket path ${path} would be ${bytes} bytes; sockets allow at most ${maxBytes}.`,
      { hint: 'Choose a shorter sandbox root (--root or NSSV_SANDBOX_ROOT).' },
    ),
  missingTool: (tool: string): SandboxError =>
    new SandboxError('missing_tool', `${tool} is not installed on this machine.`, {
      hint: 'Run `sudo scripts/setup-host.sh` to install the host packages.',
    }),
  agentdMissing: (path: string): SandboxError =>
    new SandboxError('agentd_missing', `agentd is not built: ${path} does not exist.`, {
      hint: 'Run `npm run build` first.',
    }),
  busy: (root: string, pid: number): SandboxError =>
    new SandboxError('busy', `Another nssv sandbox command (pid ${pid}) is working on ${root}.`, {
      hint: `Wait for it to finish, or remove the lock file ${root}/lock if that process is gone.`,
    }),
  nameInUse: (name: string, what: string): SandboxError =>
    new SandboxError(
      'name_in_use',
      `The sandbox name "${name}" is already in use on this machine (${what} exists).`,
      {
        hint: 'Pick another --name, or bring the other sandbox down first.',
      },
    ),
  /** `broken`: one line per problem, e.g. "h3: ovs-vswitchd (pid 123) is not running; log: …". */
  degraded: (ctx: CommandContext, broken: string[], why: string): SandboxError =>
    new SandboxError('degraded', `The sandbox in ${ctx.root} is partly down and ${why}.`, {
      detail: broken.join('\n'),
      hint: `Fix: run \`${sandboxCommand('down', ctx)}\` and then \`${sandboxCommand('up', ctx)}\` (this deletes its guests and gives the hosts new endpoints and tokens).`,
    }),
  toolFailed: (argv: readonly string[], exitCode: number | undefined, stderr: string): SandboxError =>
    new SandboxError(
      'tool_failed',
      `${argv.join(' ')} failed${exitCode === undefined ? '' : ` (exit ${exitCode})`}.`,
      {
        detail: stderr.trim(),
      },
    ),
  startTimeout: (what: string, timeoutMs: number, logFile: string, detail?: string): SandboxError =>
    new SandboxError('start_timeout', `${what} did not become ready within ${timeoutMs} ms.`, {
      hint: `See its log: ${logFile}`,
      ...(detail === undefined ? {} : { detail }),
    }),
  stopFailed: (pids: number[]): SandboxError =>
    new SandboxError('stop_failed', `Processes ${pids.join(', ')} did not exit after SIGKILL.`, {
      hint: 'Check them with `ps`; they may be stuck in the kernel (state D).',
    }),
  notReaped: (zombies: { pid: number; ppid: number | undefined }[]): SandboxError =>
    new SandboxError(
      'stop_failed',
      `Processes ${zombies.map((z) => `${z.pid} (parent ${z.ppid ?? '?'})`).join(', ')} exited but were not reaped by their parent within 15 s.`,
      {
        hint: 'Their parent does not wait for its children: check it with `ps -o pid,stat,cmd -p PARENT`; run down again once the zombies are gone.',
      },
    ),
  interrupted: (ctx: CommandContext): SandboxError =>
    new SandboxError('interrupted', 'Interrupted: sandbox up stopped and undid what it had started.', {
      hint: `Run \`${sandboxCommand('up', ctx)}\` again when ready.`,
    }),
  cephNotInSandbox: (ctx: CommandContext): SandboxError =>
    new SandboxError(
      'invalid_option',
      `--ceph: the sandbox in ${ctx.root} runs without Ceph, and Ceph is only set up when a sandbox is created.`,
      {
        hint: `Fix: run \`${sandboxCommand('down', ctx)}\` and then \`${sandboxCommand('up', { ...ctx, ceph: true })}\` (this deletes its guests and gives the hosts new endpoints and tokens), or leave out --ceph.`,
      },
    ),
  stateInvalid: (file: string, why: string): SandboxError =>
    new SandboxError('state_invalid', `The sandbox state file ${file} is unreadable: ${why}.`, {
      hint: 'Fix or remove it; processes it listed may need to be stopped by hand.',
    }),
};
