import type { AgentCephConfig } from '../config.js';
import { callTool, runTool, toolError } from '../drivers/tool.js';
import { errors } from '../errors.js';
import { DATA_TOOL_TIMEOUT_MS, type Exec, type ExecResult } from '../util/exec.js';

/**
 * The `ceph` and `rbd` CLIs as this host's Ceph client (conf, user and keyring from agentd's
 * config), with an argv array — run inside the configured network namespace when there is one.
 * Keys are never put on a command line: the keyring file is.
 */
export class CephCli {
  constructor(
    private readonly exec: Exec,
    readonly config: AgentCephConfig,
  ) {}

  private argv(tool: 'ceph' | 'rbd', args: readonly string[]): { file: string; args: string[] } {
    const own = [
      tool,
      '-c',
      this.config.confFile,
      '--id',
      this.config.user,
      '--keyring',
      this.config.keyringFile,
      ...(tool === 'ceph' ? ['--connect-timeout', '20'] : []),
      ...args,
    ];
    return this.config.netns === undefined
      ? { file: own[0]!, args: own.slice(1) }
      : { file: 'ip', args: ['netns', 'exec', this.config.netns, ...own] };
  }

  /** Runs a CLI; a non-zero exit is a tool_failed error naming `what`. */
  async run(tool: 'ceph' | 'rbd', args: readonly string[], what: string, input?: string): Promise<string> {
    const a = this.argv(tool, args);
    const r = await runTool(this.exec, a.file, a.args, what, input === undefined ? {} : { input });
    return r.stdout;
  }

  /** Runs a CLI and returns the result whatever the exit code (for "does it exist" probes). */
  async call(tool: 'ceph' | 'rbd', args: readonly string[], what: string): Promise<ExecResult> {
    const a = this.argv(tool, args);
    return callTool(this.exec, a.file, a.args, what);
  }

  /**
   * `rbd` commands that write, copy or delete a whole image's data (import, flatten, rm, snap
   * rollback, trash rm): allowed as long as qemu-img's copies, not the one minute of a query.
   */
  async runOnData(args: readonly string[], what: string): Promise<string> {
    const a = this.argv('rbd', args);
    return (await runTool(this.exec, a.file, a.args, what, { timeoutMs: DATA_TOOL_TIMEOUT_MS })).stdout;
  }

  /** As runOnData, returning the result whatever the exit code. */
  async callOnData(args: readonly string[], what: string): Promise<ExecResult> {
    const a = this.argv('rbd', args);
    return callTool(this.exec, a.file, a.args, what, { timeoutMs: DATA_TOOL_TIMEOUT_MS });
  }

  /** `--format json` output, parsed. */
  async json<T>(tool: 'ceph' | 'rbd', args: readonly string[], what: string): Promise<T> {
    return parseJson<T>(tool, what, await this.run(tool, [...args, '--format', 'json'], what));
  }

  /** `--format json` output, parsed; undefined when it fails with a stderr that `absent` matches. */
  async jsonUnless<T>(
    tool: 'ceph' | 'rbd',
    args: readonly string[],
    what: string,
    absent: RegExp,
  ): Promise<T | undefined> {
    const a = this.argv(tool, [...args, '--format', 'json']);
    const r = await callTool(this.exec, a.file, a.args, what);
    if (r.exitCode === 0) return parseJson<T>(tool, what, r.stdout);
    if (absent.test(r.stderr)) return undefined;
    throw toolError(a.file, a.args, what, r);
  }

  /**
   * `--format json` output, parsed; run again, up to `attempts` times in all, while it fails with
   * a stderr that `transient` matches (e.g. `rbd du`, which fails when an image of the pool is
   * created or deleted while it measures).
   */
  async jsonRetrying<T>(
    tool: 'ceph' | 'rbd',
    args: readonly string[],
    what: string,
    transient: RegExp,
    attempts = 3,
  ): Promise<T> {
    const a = this.argv(tool, [...args, '--format', 'json']);
    for (let attempt = 1; ; attempt++) {
      const r = await callTool(this.exec, a.file, a.args, what);
      if (r.exitCode === 0) return parseJson<T>(tool, what, r.stdout);
      if (attempt >= attempts || !transient.test(r.stderr)) throw toolError(a.file, a.args, what, r);
    }
  }
}

function parseJson<T>(tool: string, what: string, out: string): T {
  try {
    return JSON.parse(out) as T;
  } catch {
    throw errors.toolFailed(`${what}: ${tool} printed no JSON`, out.slice(0, 500));
  }
}
