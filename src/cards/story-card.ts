import { cardFamilies } from './card-fonts.ts';

/** What a story's share card says. */
export interface StoryCardInput {
  siteName: string;
  title: string;
  /** BCP 47 tag of the title: the reports' language when they share one, else the interface's. */
  lang: string;
  /** The story's reports, in the story's order: each outlet's name and its report's language. */
  outlets: { name: string; lang: string }[];
  /** The story's claim counts (StoryComparison.stats): every claim is either shared or unique. */
  claims: number;
  sharedClaims: number;
  uniqueClaims: number;
}

/** Scripts the card's fonts draw (see card-fonts.ts); digits and punctuation are Common. */
const drawable = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]*$/u;

/**
 * Text as the card can show it: itself when its fonts hold every script it uses. Otherwise (Arabic, Urdu,
 * Hebrew, CJK… which the fonts lack and satori would not lay out right to left) `fallback`, so a card never
 * shows rows of empty boxes.
 */
export function cardText(text: string, fallback: string): string {
  return drawable.test(text) ? text : fallback;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** The English name of a language tag ("Urdu" for `ur`), or undefined when Intl does not know it. */
function languageName(lang: string): string | undefined {
  try {
    const name = languageNames.of(lang);
    return name && name !== lang ? name : undefined;
  } catch {
    return undefined;
  }
}

const listFormat = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/**
 * The outlets a story compares, given as `items` (names, or phrases standing for several outlets) that stand
 * for `reports` reports: "A and B" for two, "5 reports: A, B, C, D and E" for any other number.
 */
export function outletList(items: readonly string[], reports: number = items.length): string {
  if (reports === 2) return listFormat.format(items);
  return `${reports} ${reports === 1 ? 'report' : 'reports'}: ${listFormat.format(items)}`;
}

/**
 * The outlets as the card can name them: each drawable name as written, then the others counted by their
 * report's language ("an outlet in Urdu", "2 outlets in Urdu", "another outlet"), one phrase per language.
 */
function drawableOutlets(outlets: StoryCardInput['outlets']): string[] {
  const hidden = new Map<string | undefined, number>();
  const shown: string[] = [];
  for (const outlet of outlets) {
    if (cardText(outlet.name, '') === outlet.name) shown.push(outlet.name);
    else {
      const language = languageName(outlet.lang);
      hidden.set(language, (hidden.get(language) ?? 0) + 1);
    }
  }
  for (const [language, number] of hidden) {
    const outletWord = number === 1 ? (language ? 'an outlet' : 'another outlet') : `${number} ${language ? 'outlets' : 'other outlets'}`;
    shown.push(language ? `${outletWord} in ${language}` : outletWord);
  }
  return shown;
}

const count = new Intl.NumberFormat('en-GB');

/** The overlap in words, as the card and its text alternative give it: "18 of 29 claims shared" and the rest. */
export function overlapFigures(input: Pick<StoryCardInput, 'claims' | 'sharedClaims' | 'uniqueClaims'>): { shared: string; unique: string } {
  if (input.claims === 0) return { shared: 'No claims yet', unique: '' };
  return {
    shared: `${count.format(input.sharedClaims)} of ${count.format(input.claims)} ${input.claims === 1 ? 'claim' : 'claims'} shared`,
    unique: `${count.format(input.uniqueClaims)} only in one report`,
  };
}

/** A node of the tree satori lays out: React's element shape, as plain objects. */
export interface CardElement {
  type: string;
  props: {
    style?: Record<string, string | number>;
    children?: CardNode | CardNode[];
    lang?: string;
  };
}

export type CardNode = CardElement | string;

/** Open Graph's large image size. */
export const cardSize = { width: 1200, height: 630 } as const;

// The site's light-scheme tokens (src/styles/tokens.css). On the background: text 15.8:1, muted 7.2:1, accent
// 6.8:1, the single-report colour 6.1:1. Shared claims take the accent, as the site's overlap bars do.
const colors = { bg: '#fbfaf7', text: '#1f1f1c', muted: '#57544d', accent: '#1b58a3', unique: '#a0421a', track: '#e6e2d9' };

// The card's fixed geometry. The title gets whatever height the header and footer leave (the footer counted
// with two lines of outlets), and the title sizes below never ask for more lines than that height holds.
const pad = { x: 72, top: 40, bottom: 44 };
const band = 12;
const header = { height: 44, font: 30, gap: 24 };
const outlets = { font: 30, line: 38, lines: 2 };
const figure = { above: 22, bar: 28, gap: 16, line: 36, font: 28, swatch: 18 };
const titleGap = 20;
const contentWidth = cardSize.width - 2 * pad.x;
const titleBox = {
  width: contentWidth,
  height:
    cardSize.height - band - pad.top - pad.bottom - header.height - header.gap - titleGap -
    outlets.lines * outlets.line - figure.above - figure.bar - figure.gap - figure.line,
};

/** Font sizes the title may take, largest first; a title gets the largest it fits in. */
const titleFontSizes = [72, 64, 56, 48, 42, 38];
/** Average advance of Source Serif 4 semibold in ems, measured on English titles (about 0.49), rounded up. */
const averageAdvance = 0.52;

export interface TitleType {
  fontSize: number;
  lineHeight: number;
  /** Lines shown at most; longer text ends in an ellipsis. */
  maxLines: number;
}

/** Lines `text` takes when wrapped at word boundaries into lines of `width` characters (a longer word gets lines of its own). */
function wrappedLines(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = [...word].length;
    const needed = used === 0 ? length : used + 1 + length;
    if (needed <= width) {
      used = needed;
      continue;
    }
    if (used > 0) lines++;
    lines += Math.ceil(length / width) - 1;
    used = length % width || width;
  }
  return lines;
}

/** The size the title is set in: the largest whose lines, as many as fit the title box, hold the text. */
export function titleType(text: string): TitleType {
  const types = titleFontSizes.map((fontSize) => {
    const lineHeight = Math.round(fontSize * 1.2);
    return { fontSize, lineHeight, maxLines: Math.floor(titleBox.height / lineHeight) };
  });
  const fits = types.find((type) => wrappedLines(text, Math.floor(titleBox.width / (type.fontSize * averageAdvance))) <= type.maxLines);
  return fits ?? types.at(-1)!;
}

const el = (type: string, style: Record<string, string | number>, children?: CardNode | CardNode[]): CardElement => ({
  type,
  props: { style, ...(children !== undefined && { children }) },
});

// Styles that need `overflow: hidden` make satori emit a mask, and every mask costs resvg a full-size layer,
// so text is cut with `lineClamp` (which needs no overflow) and the card has no borders or images.

/** One line of text that ends in an ellipsis when it is too long. */
const oneLine = { lineClamp: 1, textOverflow: 'ellipsis', minWidth: 0 };

/** The site's favicon (public/favicon.svg) redrawn with boxes, at 40px. */
function logo(): CardElement {
  const bar = (top: number, left: number, width: number, color: string) =>
    el('div', { position: 'absolute', top, left, width, height: 4, borderRadius: 2, backgroundColor: color });
  return el('div', { position: 'relative', width: 40, height: 40, marginRight: 16, borderRadius: 8, backgroundColor: colors.accent }, [
    bar(10.5, 7, 19, '#ffffff'),
    bar(18, 7, 26, '#ffffff'),
    bar(25.5, 7, 15, '#ffffff'),
    bar(25.5, 22, 11, '#fbeeb0'),
  ]);
}

/**
 * The share of shared and single-report claims as one bar, split in proportion; a gap keeps the two parts
 * apart where their colours meet. A story without claims gets the empty track.
 */
function overlapBar(input: StoryCardInput): CardElement {
  const radius = figure.bar / 2;
  const parts = [
    { claims: input.sharedClaims, color: colors.accent },
    { claims: input.uniqueClaims, color: colors.unique },
  ].filter((part) => part.claims > 0);
  if (parts.length === 0) {
    return el('div', { display: 'flex', height: figure.bar, width: contentWidth, borderRadius: radius, backgroundColor: colors.track });
  }
  const gap = parts.length > 1 ? 6 : 0;
  const total = parts.reduce((sum, part) => sum + part.claims, 0);
  // The smaller part keeps at least the width of its rounded end, so a single unique claim stays visible.
  const widths = parts.map((part) => Math.max(radius * 2, Math.round(((contentWidth - gap) * part.claims) / total)));
  if (widths.length > 1) widths[widths.indexOf(Math.max(...widths))]! -= widths.reduce((sum, width) => sum + width, 0) + gap - contentWidth;
  return el(
    'div',
    { display: 'flex', height: figure.bar, width: contentWidth, flexShrink: 0 },
    parts.map((part, index) =>
      el('div', {
        width: widths[index]!,
        height: figure.bar,
        flexShrink: 0,
        backgroundColor: part.color,
        borderTopLeftRadius: index === 0 ? radius : 0,
        borderBottomLeftRadius: index === 0 ? radius : 0,
        borderTopRightRadius: index === parts.length - 1 ? radius : 0,
        borderBottomRightRadius: index === parts.length - 1 ? radius : 0,
        marginLeft: index > 0 ? gap : 0,
      }),
    ),
  );
}

/** The bar's key: a swatch of each colour with the figure it stands for. */
function overlapKey(input: StoryCardInput): CardElement {
  const figures = overlapFigures(input);
  const item = (color: string, text: string) =>
    el('div', { display: 'flex', alignItems: 'center', flexShrink: 1, minWidth: 0, marginRight: 40 }, [
      el('div', { width: figure.swatch, height: figure.swatch, marginRight: 14, flexShrink: 0, borderRadius: figure.swatch / 2, backgroundColor: color }),
      el('div', { ...oneLine, fontFamily: cardFamilies.sans, fontSize: figure.font, lineHeight: `${figure.line}px`, color: colors.text }, text),
    ]);
  const items = input.claims === 0 ? [item(colors.track, figures.shared)] : [item(colors.accent, figures.shared), item(colors.unique, figures.unique)];
  return el('div', { display: 'flex', height: figure.line, marginTop: figure.gap, flexShrink: 0 }, items);
}

/**
 * The share card of one story as a satori element tree: the site name, the story title in the serif (sized to
 * its length and clamped so it never pushes the rest off), the outlets compared (two lines at most), and how
 * the story's claims split between shared and single-report ones, as a bar and in figures.
 */
export function storyCard(input: StoryCardInput): CardElement {
  const language = languageName(input.lang);
  const titleText = cardText(input.title, language ? `A story in ${language}, on ${input.siteName}` : `A story on ${input.siteName}`);
  const type = titleType(titleText);
  const outletText = outletList(drawableOutlets(input.outlets), input.outlets.length).replace(/^\p{Ll}/u, (first) => first.toUpperCase());

  const top = el('div', { display: 'flex', alignItems: 'center', height: header.height, marginBottom: header.gap, flexShrink: 0 }, [
    logo(),
    el('div', { fontFamily: cardFamilies.sans, fontWeight: 700, fontSize: header.font, color: colors.accent }, input.siteName),
  ]);

  const title = el('div', { display: 'flex', flexDirection: 'column', flexShrink: 0, width: titleBox.width, maxHeight: titleBox.height }, [
    {
      type: 'div',
      props: {
        ...(titleText === input.title && { lang: input.lang }),
        style: {
          fontFamily: cardFamilies.serif,
          fontWeight: 600,
          fontSize: type.fontSize,
          lineHeight: `${type.lineHeight}px`,
          color: colors.text,
          lineClamp: type.maxLines,
          textOverflow: 'ellipsis',
        },
        children: titleText,
      },
    },
  ]);

  const outletLine = el(
    'div',
    {
      marginTop: titleGap,
      flexShrink: 0,
      fontFamily: cardFamilies.sans,
      fontWeight: 700,
      fontSize: outlets.font,
      lineHeight: `${outlets.line}px`,
      color: colors.muted,
      lineClamp: outlets.lines,
      textOverflow: 'ellipsis',
    },
    outletText,
  );

  const overlap = el('div', { display: 'flex', flexDirection: 'column', marginTop: figure.above, flexShrink: 0 }, [overlapBar(input), overlapKey(input)]);

  // The title and its outlets are one block, centred in the height the header and the overlap leave.
  const middle = el('div', { display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1, flexShrink: 1, minHeight: 0 }, [
    title,
    outletLine,
  ]);

  const page = el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0, padding: `${pad.top}px ${pad.x}px ${pad.bottom}px` }, [
    top,
    middle,
    overlap,
  ]);

  return el('div', { display: 'flex', flexDirection: 'column', width: cardSize.width, height: cardSize.height, backgroundColor: colors.bg }, [
    el('div', { height: band, flexShrink: 0, backgroundColor: colors.accent }),
    page,
  ]);
}
