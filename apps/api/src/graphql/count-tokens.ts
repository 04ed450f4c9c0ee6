import { Lexer, Source, TokenKind } from 'graphql';

/**
 * Whether a document holds more than `maximum` tokens, counted as graphql-js's parser counts
 * them for `maxTokens` (comments skipped). Stops at `maximum + 1`, so a huge body costs no more
 * than the parser already spent on it. A lexing error ends the count: that is a plain syntax error.
 */
export function hasMoreTokensThan(query: string, maximum: number): boolean {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > maximum) return true;
    }
  } catch {
    return false;
  }
  return false;
}
