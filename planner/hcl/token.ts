/** Tokens of HCL native syntax. Templates are lexed into literal / interpolation / directive tokens. */
export type TokenKind =
  | 'ident'
  | 'number'
  | 'punct' // operators and brackets; text holds the symbol
  | 'oquote' // opening " of a quoted template
  | 'cquote' // closing "
  | 'oheredoc' // <<EOT or <<-EOT (text: marker, flush in `flush`)
  | 'cheredoc'
  | 'lit' // literal template text; value holds the unescaped text
  | 'interp' // ${ or ${~
  | 'control' // %{ or %{~
  | 'tend' // } or ~} closing an interpolation or directive
  | 'nl'
  | 'eof'
  | 'invalid';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** Unescaped text for 'lit'. */
  value?: string;
  /** Strip marker: for interp/control, a `~` after the opener; for tend, a `~` before `}`. */
  strip?: boolean;
  /** <<- heredoc */
  flush?: boolean;
  /** A message for 'invalid' tokens. */
  error?: string;
}
