import type { Diagnostic } from '../../core/diagnostic.js';
import { type ConsoleResult, evaluateConsoleLine } from '../eval/console.js';
import { rootEvaluator } from './load.js';
import type { LoadedConfig } from './types.js';

export { renderConsoleValue } from '../eval/console.js';

/** Evaluate an expression against a loaded configuration's root module, as `terraform console` does. */
export function evaluateConsoleExpression(config: LoadedConfig, exprText: string): ConsoleResult {
  const ev = rootEvaluator(config);
  if (!ev) {
    const d: Diagnostic = {
      severity: 'error',
      code: 'NSSV_CONSOLE_NO_CONFIG',
      summary: 'No evaluated configuration',
      detail: 'The console needs a configuration loaded with loadConfig().',
    };
    return { diagnostics: [d] };
  }
  const errorsBefore = ev.shared.diags.length;
  const r = evaluateConsoleLine(ev.ctx, exprText);
  // references evaluated lazily for the first time may have reported problems
  const late = ev.shared.diags.slice(errorsBefore);
  return { ...r, diagnostics: [...r.diagnostics, ...late] };
}
