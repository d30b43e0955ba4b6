/**
 * Errors the sandbox reports, as data: a stable code, a message in the user's terms and a hint
 * that says what to do. Only bin/ turns them into exit codes.
 */
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
  notRoot: (): SandboxError =>
    new SandboxError(
      'not_root',
      'The sandbox needs root (network and mount namespaces, Open vSwitch, libvirtd).',
      {
        hint: 'Run it as root, e.g. `sudo npx nssv sandbox up`.',
      },
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
      hint: 'Wait for it to finish, or remove the stale lock file if that process is gone.',
    }),
  nameInUse: (name: string, what: string): SandboxError =>
    new SandboxError(
      'name_in_use',
      `The sandbox name "${name}" is already in use on this machine (${what} exists).`,
      {
        hint: 'Pick another --name, or bring the other sandbox down first.',
      },
    ),
  degraded: (root: string, broken: string[]): SandboxError =>
    new SandboxError('degraded', `The sandbox in ${root} is partly down (${broken.join('; ')}).`, {
      hint: 'Run `nssv sandbox down` and then `nssv sandbox up` again.',
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
  interrupted: (): SandboxError =>
    new SandboxError('interrupted', 'Interrupted: sandbox up stopped and undid what it had started.', {
      hint: 'Run `nssv sandbox up` again when ready.',
    }),
  stateInvalid: (file: string, why: string): SandboxError =>
    new SandboxError('state_invalid', `The sandbox state file ${file} is unreadable: ${why}.`, {
      hint: 'Fix or remove it; processes it listed may need to be stopped by hand.',
    }),
};
