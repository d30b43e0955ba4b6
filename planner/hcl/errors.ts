import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';

/** Named factories for syntax diagnostics of HCL native syntax and Terraform JSON. */

export function syntaxError(range: SourceRange, summary: string, detail: string): Diagnostic {
  return { severity: 'error', code: 'NSSV_CONFIG_SYNTAX', summary, detail, range };
}

/** A block whose "{" has no "}": reported at the "{", with the end of the file in the detail. */
export function unclosedBlock(opener: { what: string; brace: SourceRange }, eof: SourceRange): Diagnostic {
  const at = (r: SourceRange) => `${r.file}:${r.line}:${r.column}`;
  return syntaxError(
    opener.brace,
    `the block ${opener.what} opened at ${at(opener.brace)} is never closed`,
    `The end of the file was reached at ${at(eof)} without the "}" that closes it. Fix: add the closing "}" where the block ends, and check that every "{" inside it has its "}".`,
  );
}

export function unexpectedToken(
  range: SourceRange,
  found: string,
  expected: string,
  fix?: string,
): Diagnostic {
  return syntaxError(
    range,
    `Syntax error: expected ${expected}, found ${found}`,
    `At this position the configuration language allows ${expected}, but ${found} was given.${fix ? ' ' + fix : ''}`,
  );
}

export function describeToken(kind: string, text: string): string {
  switch (kind) {
    case 'eof':
      return 'the end of the file';
    case 'nl':
      return 'a newline';
    case 'oquote':
      return 'a quoted string';
    case 'oheredoc':
      return 'a heredoc';
    case 'number':
      return `the number ${text}`;
    case 'ident':
      return `the name "${text}"`;
    case 'tend':
      return `"${text}"`;
    default:
      return JSON.stringify(text);
  }
}

export function jsonSyntaxError(range: SourceRange, what: string): Diagnostic {
  return syntaxError(
    range,
    `Invalid JSON: ${what}`,
    `The file is not valid JSON: ${what}. Fix the JSON syntax at this position.`,
  );
}
