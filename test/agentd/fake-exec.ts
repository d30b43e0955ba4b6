import type { Exec, ExecResult } from '../../agentd/util/exec.js';

export interface Call {
  file: string;
  args: string[];
}

type Responder = (call: Call) => Partial<ExecResult> | Promise<Partial<ExecResult>>;

/**
 * A fake at the exec boundary: records every call and answers from rules (first match wins).
 * A rule matches when the call's `file args…` joined by spaces contains `needle`.
 */
export class FakeExec {
  readonly calls: Call[] = [];
  private readonly rules: { needle: string; respond: Responder }[] = [];

  on(needle: string, respond: Responder | Partial<ExecResult>): this {
    this.rules.push({ needle, respond: typeof respond === 'function' ? respond : () => respond });
    return this;
  }

  readonly exec: Exec = async (file, args) => {
    const call = { file, args: [...args] };
    this.calls.push(call);
    const line = [file, ...args].join(' ');
    const rule = this.rules.find((r) => line.includes(r.needle));
    if (!rule) return { exitCode: 127, stdout: '', stderr: `fake: no rule for ${line}` };
    const r = await rule.respond(call);
    return { exitCode: r.exitCode ?? 0, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  };

  /** The calls as `file arg arg…` lines, for asserting order. */
  lines(filter = ''): string[] {
    return this.calls.map((c) => [c.file, ...c.args].join(' ')).filter((l) => l.includes(filter));
  }
}
