import { findCredits } from '../pipeline/find-credit.ts';
import { firstPublished } from '../pipeline/publication-order.ts';
import type { Claim, ReportComparison, StoryComparison } from '../pipeline/types.ts';
import { conflictLabels, plural, publishedDatetime, readableDay, shorten } from './format.ts';

/** A list cut for a summary: the first lines, and the rest behind "show all". */
export interface Folded<T> {
  shown: T[];
  rest: T[];
}

/** Who came out first with a claim, when every report carrying it gives its moment. */
export interface FirstCarrier {
  outlet: string;
  /** "14:05", with the day ("9 September 2021, 23:50") when the carriers' written days differ and the zone when their zones do. */
  when: string;
  /** For `<time datetime>`: the moment as written, with its zone. */
  datetime: string;
}

export interface AgreedLine {
  href: string;
  /** The wording of the claim standing for the group, in its report's language `lang`. */
  text: string;
  lang: string;
  /** "all 3 reports", "5 of 6 reports", "2 of 3 reports, one shared copy" (see carriersText). */
  carriers: string;
  first?: FirstCarrier;
}

export interface DisputedLine {
  /** What differs, as the conflict notes name it ("Numbers differ"). */
  label: string;
  /** The claim the first version stands in, shortened, to say what the point is about. */
  about: string;
  versions: { text: string; outlets: string[]; href: string }[];
}

export interface UniqueLine {
  outlet: string;
  /** "2 claims". */
  count: string;
  /** The report's first claim no other report carries. */
  href: string;
}

/** The story at a glance as the page draws it (AtAGlance.astro): every line's words and link, worked out here. */
export interface GlanceView {
  agreed: Folded<AgreedLine>;
  disputed: Folded<DisputedLine>;
  unique: Folded<UniqueLine>;
  /** One sentence per shared copy; empty when the reports share none. */
  sharedCopy: Folded<string>;
  counts: { agreed: number; disputed: number; unique: number };
}

/**
 * How many lines of each list show before "show all": a story of ten reports and hundreds of claims still
 * leaves the reports about one screen below the summary's top.
 */
export const glanceShown = { agreed: 3, disputed: 1, unique: 3, sharedCopy: 1 } as const;

const outletList = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/**
 * The story at a glance (story.glance and story.sharedCopy, see at-a-glance.ts) in words: each agreed claim in
 * its wording with who carries it and, when every carrier gives its moment, who carried it first; each disputed
 * point with every version and its outlets; per outlet, how many claims it alone makes; each shared copy, with
 * the outlets that credit an agency for it. Links are bare `#id`s: every claim's anchor is
 * on the story page. Nothing is written for a particular story.
 */
export function glanceView(story: StoryComparison): GlanceView {
  const reportOf = new Map(story.reports.map((report) => [report.slug, report]));
  const claimOf = new Map(story.reports.flatMap((report) => report.claims.map((claim) => [claim.id, claim] as const)));
  const href = (id: string) => claimHref(claimOf.get(id)!);
  const outlet = (slug: string) => reportOf.get(slug)!.outlet;
  const total = story.reports.length;

  const agreed = story.glance.agreed.map((line): AgreedLine => {
    const reports = line.reports.map((slug) => reportOf.get(slug)!);
    const first = firstCarrier(reports);
    return {
      href: href(line.claim),
      text: claimOf.get(line.claim)!.text,
      lang: reportOf.get(claimOf.get(line.claim)!.reportSlug)!.lang,
      carriers: carriersText(line.reports.length, total, line.independent),
      ...(first && { first }),
    };
  });
  const disputed = story.glance.disputed.map(
    (point): DisputedLine => ({
      label: conflictLabels[point.kind],
      about: shorten(claimOf.get(point.versions[0]!.claim)!.text, 80).replace(/[.!?;:]+$/u, ''),
      versions: point.versions.map((version) => ({ text: version.text, outlets: version.reports.map(outlet), href: href(version.claim) })),
    }),
  );
  const unique = story.glance.unique.flatMap((line): UniqueLine[] =>
    line.count > 0 && line.first ? [{ outlet: outlet(line.report), count: plural(line.count, 'claim', 'claims'), href: href(line.first) }] : [],
  );
  const sharedCopy = story.sharedCopy.map((copy) => {
    const reports = copy.reports.map((slug) => reportOf.get(slug)!);
    const sentences = copy.claims.filter((id) => claimOf.get(id)!.reportSlug === copy.reports[0]).length;
    const printed = `${whoPrints(reports, story.reports)} print the same ${plural(sentences, 'sentence', 'sentences')} word for word`;
    if (copy.credit === null) return printed;
    const crediting = reports.filter((report) => findCredits(report.claims.map((claim) => claim.text)).includes(copy.credit!));
    const who = crediting.length > 0 ? outletList.format(crediting.map((report) => report.outlet)) : 'one of them';
    return `${printed}; ${who} ${crediting.length > 1 ? 'credit' : 'credits'} ${copy.credit}`;
  });

  return {
    agreed: fold(agreed, glanceShown.agreed),
    disputed: fold(disputed, glanceShown.disputed),
    unique: fold(unique, glanceShown.unique),
    sharedCopy: fold(sharedCopy, glanceShown.sharedCopy),
    counts: {
      agreed: agreed.length,
      disputed: disputed.length,
      unique: story.glance.unique.reduce((sum, line) => sum + line.count, 0),
    },
  };
}

/** "both reports", "all 3 reports", "5 of 6 reports"; and, when shared copies carry it, how many carry it independently. */
export function carriersText(carriers: number, total: number, independent: number): string {
  const who = carriers === total ? (total === 2 ? 'both reports' : `all ${carriers} reports`) : `${carriers} of ${total} reports`;
  if (independent >= carriers) return who;
  return independent === 1 ? `${who}, one shared copy` : `${who}, ${independent} independently`;
}

/**
 * The outlets running a shared copy, by name; when they are more than three and most of the story, by the
 * reports that do not ("9 of the 10 reports (all but Outlet J)"), which says the same in fewer words.
 */
export function whoPrints(printing: readonly Pick<ReportComparison, 'outlet'>[], all: readonly Pick<ReportComparison, 'outlet'>[]): string {
  if (printing.length <= 3 || printing.length * 2 <= all.length) return outletList.format(printing.map((report) => report.outlet));
  if (printing.length === all.length) return `All ${all.length} reports`;
  const others = all.filter((report) => !printing.includes(report));
  return `${printing.length} of the ${all.length} reports (all but ${outletList.format(others.map((report) => report.outlet))})`;
}

/** The first `visible` lines, and the rest; all of them when only one would be left over, since a fold for one line saves nothing. */
export function fold<T>(lines: T[], visible: number): Folded<T> {
  return lines.length <= visible + 1 ? { shown: lines, rest: [] } : { shown: lines.slice(0, visible), rest: lines.slice(visible) };
}

/** The first of `reports` to come out, and when, as its outlet's clock says (see FirstCarrier). */
export function firstCarrier(reports: readonly ReportComparison[]): FirstCarrier | undefined {
  const first = reports.length > 1 ? firstPublished(reports) : undefined;
  if (!first?.publishedTime) return undefined;
  const texts = reports.map((report) => report.publishedTime!.text);
  const text = first.publishedTime.text;
  const clock = text.slice(11, 16);
  const zone = (written: string) => written.slice(19).replace(/^\.\d+/, '');
  const day = new Set(texts.map((written) => written.slice(0, 10))).size > 1 ? `${readableDay(first.published)}, ` : '';
  const offset = new Set(texts.map(zone)).size > 1 ? ` ${zone(text) === 'Z' ? 'UTC' : `UTC${zone(text)}`}` : '';
  return { outlet: first.outlet, when: `${day}${clock}${offset}`, datetime: publishedDatetime(first) };
}

/** A claim's link from the story page, where every claim has its anchor. */
function claimHref(claim: Claim): string {
  return `#${claim.id}`;
}
