/** Translate an RE2 pattern (Terraform's regex syntax) to a JavaScript RegExp. */
export function toJsRegex(pattern: string, flags: string): RegExp {
  let src = pattern.replace(/\(\?P</g, '(?<');
  let extra = '';
  // leading inline flags like (?i) or (?s)
  const m = /^\(\?([imsU]+)\)/.exec(src);
  if (m) {
    src = src.slice(m[0].length);
    for (const f of m[1]!) if (f === 'i' || f === 'm' || f === 's') extra += f;
  }
  src = src.replace(/\\A/g, '^').replace(/\\z/g, '$(?![\\s\\S])');
  try {
    return new RegExp(src, flags + extra + 'u');
  } catch (e) {
    throw new Error(
      `invalid regular expression pattern: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`,
    );
  }
}
