import type { Processor } from 'unified';
import type { Construct, Event, Extension, Token, TokenizeContext } from 'micromark-util-types';

/**
 * Makes micromark's reading of a paragraph's inline markup grow with the paragraph: a remark plugin, used after
 * remark-gfm. Two costs of micromark's are quadratic in a paragraph crowded with markup, and are bounded here:
 *
 * - Pairing emphasis (`*`, `_`) and strikethrough (`~`) markers: micromark pairs each closing marker with an
 *   opening one by walking back through the paragraph, and wraps the text between; on markers that cannot all
 *   pair (`*_*_*_…`, `a* a* a* …`) or nest thousands deep that costs seconds. So a paragraph (or heading, or table
 *   cell) pairs its markers as usual while its runs of markers of one kind times its tokens stay under
 *   `MARKER_BUDGET` (about 2,000 runs in a paragraph of 8,000 tokens, far above any report's emphasis); past it,
 *   none of its runs of that kind is paired, and each reads as the text it is, every character kept. The same
 *   bound holds inside a link's text, paired on its own.
 * - Merging text tokens: GFM starts a new text token at every word (where a bare link could begin), and once
 *   the paragraph is read micromark merges each run of adjacent text tokens into one, cutting the run out of the
 *   paragraph's whole token list; with thousands of escapes, references, code spans, links, footnote marks or
 *   markers between words, that is quadratic. Here each run is merged as soon as the markup after it has been
 *   read, while the run is at the end of the list, and comes out as micromark's merging leaves it (a mark GFM
 *   leaves on a text token, that no unbalanced bracket lies before it, is kept on the merged token).
 *
 * Below the bounds every result is micromark's. For each character that can start inline markup, a construct
 * stands in front of micromark's own: it reads with them, in their order, so the same markup wins, and then
 * merges the run of text before what they read and counts the marker runs.
 */
export function remarkBoundInline(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(boundInline);
}

/** Marker runs (of one kind) times tokens above which a paragraph's markers of that kind are read as text. */
export const MARKER_BUDGET = 1 << 24;

/** Token types of a marker run not yet paired: emphasis, strikethrough. */
const SEQUENCES = ['attentionSequence', 'strikethroughSequenceTemporary'];

/**
 * Characters that start inline markup other than words: line endings, `! & * < [ \ _ \` ~`. Not `]`: when a
 * label end fails to close a link it marks the label start as closed, so it must be tried once only, and what
 * stands in front of micromark's constructs tries them a second time when none matches.
 */
const CODES = [-5, -4, -3, 33, 38, 42, 60, 91, 92, 95, 96, 126];

/** For each paragraph being read: its marker runs of each kind so far, and the kinds read as text. */
const paragraphs = new WeakMap<TokenizeContext, { runs: Map<string, number>; asText: Set<string> }>();

const boundInline: Extension = { text: {}, insideSpan: { null: [] } };
for (const code of CODES) {
  const others = (context: TokenizeContext): Construct[] => {
    const listed = context.parser.constructs.text[code];
    return (Array.isArray(listed) ? listed : listed ? [listed] : []).filter((c) => c !== construct);
  };
  const construct: Construct = {
    partial: true,
    // Markup starts here exactly where micromark's own constructs would let it (a code span not after a backtick).
    previous(previous) {
      return others(this).some((other) => !other.previous || other.previous.call(this, previous));
    },
    tokenize(effects, ok, nok) {
      const at = this.events.length;
      const before = this.events.at(-1);
      return effects.attempt(
        others(this),
        (next) => {
          // The markup read may have rewritten what came before it (a link does): then nothing is merged.
          if (at > 0 && this.events[at - 1] === before) mergeRun(this.events, at);
          boundMarkers(this);
          return ok(next);
        },
        nok,
      );
    },
  };
  boundInline.text![code] = construct;
}

// Inside a span (a link's text, or what a pair of markers wraps) micromark runs every resolver of a list, this
// one first: it turns the runs of a kind past the budget into text before micromark pairs the rest.
boundInline.insideSpan!.null!.push({
  resolveAll(events) {
    for (const type of SEQUENCES) {
      let runs = 0;
      for (const [phase, token] of events) if (phase === 'enter' && token.type === type) runs++;
      if (runs * events.length > MARKER_BUDGET) asText(events, type);
    }
    return events;
  },
});

/** Counts a marker run just read; once a kind is past the budget, its runs so far and to come read as text. */
function boundMarkers(context: TokenizeContext): void {
  let paragraph = paragraphs.get(context);
  if (!paragraph) paragraphs.set(context, (paragraph = { runs: new Map(), asText: new Set() }));
  const last = context.events.at(-1)?.[1];
  if (last && SEQUENCES.includes(last.type)) {
    paragraph.runs.set(last.type, (paragraph.runs.get(last.type) ?? 0) + 1);
    if (paragraph.asText.has(last.type)) last.type = 'data';
  }
  for (const [type, runs] of paragraph.runs) {
    if (paragraph.asText.has(type) || runs * context.events.length <= MARKER_BUDGET) continue;
    paragraph.asText.add(type);
    asText(context.events, type);
  }
}

function asText(events: Event[], type: string): void {
  for (const [, token] of events) if (token.type === type) token.type = 'data';
}

/** Merges the run of text tokens that ends at events[end - 1] into its first token, as micromark would. */
function mergeRun(events: Event[], end: number): void {
  let start = end;
  while (start > 0 && events[start - 1]![1].type === 'data') start--;
  if (end - start <= 2) return;
  const first = events[start]![1] as Walked;
  first.end = events[end - 1]![1].end;
  for (let index = start + 2; index < end; index++) {
    if ((events[index]![1] as Walked)._gfmAutolinkLiteralWalkedInto) first._gfmAutolinkLiteralWalkedInto = true;
  }
  events.splice(start + 2, end - start - 2);
}
type Walked = Token & { _gfmAutolinkLiteralWalkedInto?: boolean };
