import type { Processor } from 'unified';
import type { Code, Construct, Event, Extension, Resolver, State, Token, TokenizeContext } from 'micromark-util-types';

/**
 * Bounds the cost of pairing emphasis markers (`*`, `_`) and GFM strikethrough markers (`~`): a remark plugin,
 * used after remark-gfm, that changes no result but for a paragraph its markers would take too long to pair.
 *
 * micromark pairs each closing marker with an opening one by walking back through the paragraph, and wraps the
 * text between; on markers that cannot all pair (`*_*_*_…`, `a* a* a* …`) or nest thousands deep, that is quadratic
 * in the paragraph. So a paragraph (or heading, or table cell) is paired as usual while its runs of markers times
 * its parsed tokens stay under `MARKER_BUDGET` (about 2,000 marker runs in a paragraph of 8,000 tokens, far above
 * any report's emphasis); beyond it, none of its runs of that kind is paired, and each reads as the text it is,
 * every character kept. The same bound holds inside a link's text, paired on its own.
 *
 * micromark's own constructs still tokenize the markers and pair them: this plugin stands in front of them (found
 * by name in the parser's constructs) and only decides whether they pair.
 */
export function remarkBoundEmphasis(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(boundEmphasis);
}

/**
 * Merges the run of adjacent text tokens just before a marker run, as micromark merges such runs anyway once the
 * paragraph is read (resolveAllText): there it cuts each run out of the whole paragraph's token list, which is
 * quadratic in a paragraph of thousands of marker runs between words (`a* b* c* …`), as GFM reads each word as a
 * text token of its own. Here the run is merged while it is the end of the list, so the later merging finds
 * nothing left to do before a marker. A mark GFM leaves on a text token (that no unbalanced bracket lies before
 * it) is kept on the merged token, which starts where the run does.
 */
function mergeDataBefore(events: Event[]): Event[] {
  // The marker run just read is the last token (two events); the text tokens before it are closed.
  const end = events.length - 2;
  let start = end;
  while (start > 0 && events[start - 1]![1].type === 'data') start--;
  if (end - start <= 2) return events;
  const first = events[start]![1] as Walked;
  first.end = events[end - 1]![1].end;
  for (let index = start + 2; index < end; index++) {
    if ((events[index]![1] as Walked)._gfmAutolinkLiteralWalkedInto) first._gfmAutolinkLiteralWalkedInto = true;
  }
  events.splice(start + 2, end - start - 2);
  return events;
}
type Walked = Token & { _gfmAutolinkLiteralWalkedInto?: boolean };

/** Marker runs times tokens above which a paragraph's markers of one kind are read as text. */
export const MARKER_BUDGET = 1 << 24;

/** The marker constructs, the character codes they start at, and the token type of a run not yet paired. */
const KINDS = [
  { name: 'attention', codes: [42, 95], sequence: 'attentionSequence' },
  { name: 'strikethrough', codes: [126], sequence: 'strikethroughSequenceTemporary' },
] as const;

const boundEmphasis: Extension = { text: {}, insideSpan: { null: [] } };
for (const kind of KINDS) {
  /** The construct this one stands in for, in the constructs of the parse at hand. */
  const original = (context: TokenizeContext, code: Code): Construct => {
    const listed = context.parser.constructs.text[code as number];
    const found = (Array.isArray(listed) ? listed : [listed]).find((c) => c && c !== inText && c.name === kind.name);
    if (!found) throw new Error(`remark-bound-emphasis: no ${kind.name} construct to bound; use it after remark-gfm.`);
    return found;
  };
  /** Whether the runs of this kind in `events` are too many to pair; if so they become text. */
  const overBudget = (events: Event[]): boolean => {
    let runs = 0;
    for (const [phase, token] of events) if (phase === 'enter' && token.type === kind.sequence) runs++;
    if (runs * events.length <= MARKER_BUDGET) return false;
    for (const [, token] of events) if (token.type === kind.sequence) token.type = 'data';
    return true;
  };
  const inText: Construct = {
    name: kind.name,
    tokenize(effects, ok, nok) {
      return (code): State | undefined => original(this, code).tokenize.call(this, effects, ok, nok)(code);
    },
    resolveAll(events, context) {
      if (overBudget(events)) return events;
      return (original(context, kind.codes[0]).resolveAll as Resolver)(events, context);
    },
    resolveTo: mergeDataBefore,
  };
  // Inside a span (a link's text, or what a pair of markers wraps), micromark runs every resolver of the list:
  // this one only turns runs over the budget into text before the original pairs the rest.
  const inSpan: Construct = {
    name: kind.name,
    tokenize: (_effects, _ok, nok) => nok,
    resolveAll(events) {
      overBudget(events);
      return events;
    },
  };
  for (const code of kind.codes) boundEmphasis.text![code] = inText;
  boundEmphasis.insideSpan!.null!.push(inSpan);
}
