import type { AgentCephConfig } from '../config.js';
import { runTool } from '../drivers/tool.js';
import { errors } from '../errors.js';
import type { Exec, ExecResult } from '../util/exec.js';
import { callTool } from '../drivers/tool.js';

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

  /** `--format json` output, parsed. */
  async json<T>(tool: 'ceph' | 'rbd', args: readonly string[], what: string): Promise<T> {
    const out = await this.run(tool, [...args, '--format', 'json'], what);
    try {
      return JSON.parse(out) as T;
    } catch {
      throw errors.toolFailed(`${what}: ${tool} printed no JSON`, out.slice(0, 500));
    }
  }
}
