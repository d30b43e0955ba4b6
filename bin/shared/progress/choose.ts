import { JsonView } from './jsonView.js';
import { LiveView, type TtyStream } from './liveView.js';
import { PlainView } from './plainView.js';
import type { ProgressView } from './view.js';

/**
 * `--json` → Terraform-style JSON lines on stdout; a terminal on stderr → the live view; CI, a
 * pipe, TERM=dumb or a terminal of no size (a bare pseudo-terminal) → timestamped lines on stderr.
 */
export function chooseProgressView(
  json: boolean,
  out: NodeJS.WritableStream = process.stdout,
  err: TtyStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): ProgressView {
  if (json) return new JsonView(out);
  const sized = (err.columns ?? 0) > 0 && (err.rows ?? 0) > 0;
  if (err.isTTY && sized && !env.CI && env.TERM !== 'dumb') return new LiveView(err);
  return new PlainView(err);
}
