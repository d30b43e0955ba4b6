import type { SourceRange } from '../../core/diagnostic.js';

/** A configuration file's text with a line table, so offsets turn into 1-based line:column. */
export class SourceFile {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly name: string,
    readonly text: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  range(start: number, end: number): SourceRange {
    const s = this.position(start);
    const e = this.position(end);
    return { file: this.name, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  }
}

/** A range covering both a and b (a first). */
export function spanRanges(a: SourceRange, b: SourceRange): SourceRange {
  return {
    file: a.file,
    line: a.line,
    column: a.column,
    endLine: b.endLine ?? b.line,
    endColumn: b.endColumn ?? b.column,
  };
}
