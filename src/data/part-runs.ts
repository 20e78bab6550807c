import type { Segment } from '../pipeline/types.ts';

/**
 * A stretch of a longer claim that a shorter claim of another report states (a `part` match, seen from the
 * longer claim): UTF-16 offsets into the claim's text, end exclusive, with the shorter claim and its outlet.
 */
export interface PartSpan {
  start: number;
  end: number;
  /** Id of the shorter claim, which states this stretch. */
  claim: string;
  outlet: string;
}

/** A run of a claim's text: its segments, and the part spans that cover the whole run (none outside them). */
export interface ClaimRun {
  segments: Segment[];
  parts: PartSpan[];
}

/** True when `offset` would cut a surrogate pair in two. */
function splitsCharacter(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * A claim's segments (concatenated, its text) cut into runs at the edges of `spans`, so that a page can mark
 * each part span around the shared-wording and conflict marks without changing them: segments are split where
 * a span begins or ends, keeping their `shared` and `conflict`, and runs covered by the same spans are joined.
 * Concatenating the runs' segments gives back the segments' text exactly. Spans outside the text or empty
 * are ignored; an edge inside a surrogate pair moves back to the character's start.
 */
export function claimRuns(segments: readonly Segment[], spans: readonly PartSpan[]): ClaimRun[] {
  const text = segments.map((segment) => segment.text).join('');
  const snap = (offset: number) => (splitsCharacter(text, offset) ? offset - 1 : offset);
  const valid = spans
    .filter((span) => Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end <= text.length)
    .map((span) => ({ ...span, start: snap(span.start), end: snap(span.end) }))
    .filter((span) => span.start < span.end);
  if (valid.length === 0) return [{ segments: [...segments], parts: [] }];

  const cuts = [...new Set([0, text.length, ...valid.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b);
  const runs: ClaimRun[] = [];
  let segmentIndex = 0;
  let segmentStart = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    const parts = valid.filter((span) => span.start <= from && span.end >= to);
    const pieces: Segment[] = [];
    // Take the stretch from..to out of the segments, splitting the ones that straddle its edges.
    while (segmentIndex < segments.length) {
      const segment = segments[segmentIndex]!;
      const segmentEnd = segmentStart + segment.text.length;
      const start = Math.max(from, segmentStart);
      const end = Math.min(to, segmentEnd);
      if (end > start) pieces.push({ ...segment, text: segment.text.slice(start - segmentStart, end - segmentStart) });
      if (segmentEnd > to) break;
      segmentIndex += 1;
      segmentStart = segmentEnd;
    }
    const last = runs.at(-1);
    const same = last && last.parts.length === parts.length && last.parts.every((span) => parts.includes(span));
    if (same) last.segments.push(...pieces);
    else runs.push({ segments: pieces, parts });
  }
  return runs;
}
