import type { MatchKind } from './types.ts';
import { wordTokens } from './normalize-text.ts';

// TEMPORARY (being replaced in this change): verbatim when the normalised word sequences are equal.
export function labelMatch(a: string, b: string, lang = 'en'): MatchKind {
  const seq = (t: string) => wordTokens(t, lang).map((w) => w.norm).join(' ');
  return seq(a) === seq(b) ? 'verbatim' : 'paraphrase';
}
