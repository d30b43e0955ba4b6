import type { Diagnostic } from '../../core/diagnostic.js';
import type { Msg } from './grpc/services.js';

/** "disk[0].volume_id" → protocol attribute path steps. */
export function attributePath(path: string): Msg {
  const steps: Msg[] = [];
  for (const part of path.match(/[^.[\]]+|\[\d+\]|\["[^"]*"\]/g) ?? []) {
    if (/^\[\d+\]$/.test(part)) steps.push({ element_key_int: Number(part.slice(1, -1)) });
    else if (part.startsWith('["')) steps.push({ element_key_string: part.slice(2, -2) });
    else steps.push({ attribute_name: part });
  }
  return { steps };
}

/** An nssv diagnostic as Terraform shows it: the code leads the summary; the attribute path points at the line. */
export function toProtoDiagnostic(d: Diagnostic): Msg {
  const out: Msg = {
    severity: d.severity === 'error' ? 1 : 2,
    summary: `${d.code}: ${d.summary}`,
    detail: d.detail ?? '',
  };
  if (d.attribute) out.attribute = attributePath(d.attribute);
  return out;
}

export function errorDiagnostic(code: string, summary: string, detail: string, attribute?: string): Msg {
  return toProtoDiagnostic({ severity: 'error', code, summary, detail, attribute });
}
