import { CONFIDENT_MATCH } from '../pipeline/score-claims.ts';
import type { ClaimLink, MatchKind } from '../pipeline/types.ts';
import { carryLabels, kindMeanings, quoted } from './format.ts';
import type { PartSpan } from './part-runs.ts';

/** How a page names one match to the reader, seen from one of its claims. */
export interface MatchLabel {
  kind: MatchKind;
  /** The wording label: "verbatim", "edited", "paraphrase" or "part". */
  text: string;
  /** True when the score is under CONFIDENT_MATCH: the site is not sure the two claims say the same thing. */
  possible: boolean;
  /** What a badge says: the wording label, followed by ", possible match" when the match is weak. */
  badge: string;
  /**
   * For a part match, which of the two says more, in words about the counterpart: "said within a longer
   * sentence" when the counterpart is the longer claim, "says part of this sentence" when this claim is.
   */
  detail?: string;
}

/** Below this many percent a match is a possible match (CONFIDENT_MATCH, for the legend and methodology). */
export const confidentPercent = Math.round(CONFIDENT_MATCH * 100);

/**
 * The label of `link` (a link of one claim to its counterpart). The score is the calibrated probability that
 * the two claims state the same thing, so a weak match is named as such wherever a match is described; a part
 * match says which side holds the longer sentence, from `link.part`, which names the longer claim.
 */
export function matchLabel(link: Pick<ClaimLink, 'claim' | 'kind' | 'score' | 'part'>): MatchLabel {
  const text = carryLabels[link.kind].text;
  const possible = link.score < CONFIDENT_MATCH;
  const detail =
    link.kind !== 'part' ? undefined
    : link.part === undefined ? 'one of the two says it within a longer sentence'
    : link.part.claim === link.claim ? kindMeanings.part
    : 'says part of this sentence';
  return { kind: link.kind, text, possible, badge: possible ? `${text}, possible match` : text, ...(detail && { detail }) };
}

/** The tooltip of a marked run (see claimRuns): who says this stretch on its own, each outlet named once. */
export function partSpanTitle(spans: readonly PartSpan[]): string {
  const outlets = [...new Set(spans.map((span) => span.outlet))];
  const names = outlets.length <= 1 ? (outlets[0] ?? '') : `${outlets.slice(0, -1).join(', ')} and ${outlets.at(-1)}`;
  return `${names} ${outlets.length > 1 ? 'say' : 'says'} this part on its own, in a shorter sentence`;
}

/**
 * The marked part spans of a claim in words, for screen readers: the marks alone cannot say which stretch a
 * shorter claim states, and words put inside the claim's text would change the text. One sentence per span
 * and outlet.
 */
export function partSpanNotes(text: string, spans: readonly PartSpan[]): string[] {
  // Two claims of one outlet stating the same stretch (a sentence it prints twice) make one note.
  const notes = spans.map((span) => `${span.outlet} says this part on its own, in a shorter sentence: ${quoted(text.slice(span.start, span.end))}.`);
  return [...new Set(notes)];
}
