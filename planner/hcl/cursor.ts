import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';
import { describeToken, syntaxError, unexpectedToken } from './errors.js';
import type { SourceFile } from './source.js';
import type { Token } from './token.js';

/** Thrown inside the parser to abandon the current construct; caught where recovery is possible. */
export class ParseAbort extends Error {}

/** A position in the token stream, with a stack saying whether newlines are significant. */
export class Cursor {
  pos = 0;
  private readonly nlStack: boolean[] = [true];

  constructor(
    readonly toks: Token[],
    readonly src: SourceFile,
    readonly diags: Diagnostic[],
  ) {}

  pushNewlines(significant: boolean): void {
    this.nlStack.push(significant);
  }
  popNewlines(): void {
    this.nlStack.pop();
  }
  private skip(p: number): number {
    if (this.nlStack[this.nlStack.length - 1]) return p;
    while (this.toks[p]!.kind === 'nl') p++;
    return p;
  }

  peek(): Token {
    return this.toks[this.skip(this.pos)]!;
  }
  /** The token after the next one (newlines skipped as currently configured). */
  peek2(): Token {
    const p = this.skip(this.skip(this.pos) + 1);
    return this.toks[Math.min(p, this.toks.length - 1)]!;
  }
  next(): Token {
    const p = this.skip(this.pos);
    const t = this.toks[p]!;
    this.pos = t.kind === 'eof' ? p : p + 1;
    return t;
  }
  /** The raw next token, ignoring the newline mode (templates need this). */
  rawPeek(): Token {
    return this.toks[this.pos]!;
  }
  rawNext(): Token {
    const t = this.toks[this.pos]!;
    if (t.kind !== 'eof') this.pos++;
    return t;
  }
  isPunct(text: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === text;
  }
  range(t: Token): SourceRange {
    return this.src.range(t.start, t.end);
  }
  rangeFrom(start: number, end: number): SourceRange {
    return this.src.range(start, end);
  }
  /** End offset of the previous token. */
  lastEnd(): number {
    return this.pos > 0 ? this.toks[this.pos - 1]!.end : 0;
  }

  fail(t: Token, expected: string, fix?: string): never {
    if (t.kind === 'invalid')
      this.diags.push(syntaxError(this.range(t), 'Syntax error: ' + t.error!.split(':')[0]!, t.error!));
    else this.diags.push(unexpectedToken(this.range(t), describeToken(t.kind, t.text), expected, fix));
    throw new ParseAbort();
  }
  expectPunct(text: string, expected?: string, fix?: string): Token {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === text) return this.next();
    return this.fail(t, expected ?? `"${text}"`, fix);
  }
}
