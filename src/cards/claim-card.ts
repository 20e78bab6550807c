import { cardFamilies } from './card-fonts.ts';

/** What a claim's share card says. */
export interface ClaimCardInput {
  siteName: string;
  /** The claim exactly as the report words it. */
  claim: string;
  /** BCP 47 tag of the claim's report. */
  lang: string;
  outlet: string;
  storyTitle: string;
  /** Outlets of the other reports that carry the claim, one per report, in the story's order. */
  otherOutlets: string[];
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

/** What the card says instead of a claim it cannot draw: "A claim in Urdu, on Crossread". */
function undrawableClaim(lang: string, siteName: string): string {
  let language: string | undefined;
  try {
    language = languageNames.of(lang);
  } catch {
    language = undefined;
  }
  return language && language !== lang ? `A claim in ${language}, on ${siteName}` : `Read this claim on ${siteName}`;
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
// 6.8:1; the shared and single-report markers 5.8:1 and 6.1:1.
const colors = { bg: '#fbfaf7', text: '#1f1f1c', muted: '#57544d', accent: '#1b58a3', shared: '#7d5e00', unique: '#a0421a' };

// The card's fixed geometry. The claim gets whatever height the header and footer leave, and the claim sizes
// below never ask for more lines than that height holds, so the outlet and the count stay on the card.
const pad = { x: 72, top: 48, bottom: 52 };
const band = 12;
const header = { height: 44, font: 30, gap: 28 };
const footer = { line: 38, font: 30, countFont: 28, gap: 10, above: 28 };
const rule = { width: 8, gap: 32 };
const claimBox = {
  width: cardSize.width - 2 * pad.x - rule.width - rule.gap,
  height:
    cardSize.height - band - pad.top - pad.bottom - header.height - header.gap - footer.above - 2 * footer.line - footer.gap,
};

/** Font sizes the claim may take, largest first; a claim gets the largest it fits in. */
const claimFontSizes = [64, 56, 48, 42, 38, 34];
/** Average advance of Source Serif 4 semibold in ems (about 0.43), plus room for words that do not fill a line. */
const averageAdvance = 0.5;

export interface ClaimType {
  fontSize: number;
  lineHeight: number;
  /** Lines shown at most; longer text ends in an ellipsis. */
  maxLines: number;
}

/** The size the claim is set in: the largest whose lines, as many as fit the claim box, hold the text. */
export function claimType(text: string): ClaimType {
  const length = [...text].length;
  const types = claimFontSizes.map((fontSize) => {
    const lineHeight = Math.round(fontSize * 1.25);
    return { fontSize, lineHeight, maxLines: Math.floor(claimBox.height / lineHeight) };
  });
  const fits = types.find((type) => type.maxLines * Math.floor(claimBox.width / (type.fontSize * averageAdvance)) >= length);
  return fits ?? types.at(-1)!;
}

/** How many other reports carry the claim, and which: "Also in 2 other reports: A, B" or "Only in this report". */
export function carrySentence(otherOutlets: readonly string[]): string {
  const count = otherOutlets.length;
  if (count === 0) return 'Only in this report';
  return `Also in ${count} other ${count === 1 ? 'report' : 'reports'}: ${otherOutlets.join(', ')}`;
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
 * The share card of one claim as a satori element tree: the site name, the claim in the serif (sized to its
 * length and clamped so it never pushes the footer off), then "<outlet> · <story title>" and how many other
 * reports carry the claim.
 */
export function claimCard(input: ClaimCardInput): CardElement {
  const claimText = cardText(input.claim, undrawableClaim(input.lang, input.siteName));
  const drawn = claimText === input.claim;
  const type = claimType(claimText);
  // The colours the site marks shared and single-report claims with.
  const marker = input.otherOutlets.length > 0 ? colors.shared : colors.unique;

  const top = el('div', { display: 'flex', alignItems: 'center', height: header.height, marginBottom: header.gap, flexShrink: 0 }, [
    logo(),
    el('div', { fontFamily: cardFamilies.sans, fontWeight: 700, fontSize: header.font, color: colors.accent }, input.siteName),
  ]);

  const claim = el(
    'div',
    { display: 'flex', flexGrow: 1, flexShrink: 1, minHeight: 0 },
    [
      el('div', { width: rule.width, marginRight: rule.gap, flexShrink: 0, backgroundColor: marker, borderRadius: 4 }),
      el('div', { display: 'flex', flexDirection: 'column', justifyContent: 'center', width: claimBox.width }, [
        {
          type: 'div',
          props: {
            ...(drawn && { lang: input.lang }),
            style: {
              fontFamily: cardFamilies.serif,
              fontWeight: 600,
              fontSize: type.fontSize,
              lineHeight: `${type.lineHeight}px`,
              color: colors.text,
              lineClamp: type.maxLines,
              textOverflow: 'ellipsis',
            },
            children: claimText,
          },
        },
      ]),
    ],
  );

  const bottom = el('div', { display: 'flex', flexDirection: 'column', marginTop: footer.above, flexShrink: 0 }, [
    el('div', { display: 'flex', height: footer.line, fontFamily: cardFamilies.sans, fontSize: footer.font, lineHeight: `${footer.line}px` }, [
      el('div', { ...oneLine, flexShrink: 0, maxWidth: '60%', fontWeight: 700, color: colors.text }, cardText(input.outlet, 'Outlet')),
      el('div', { flexShrink: 0, color: colors.muted, margin: '0 14px' }, '·'),
      el('div', { ...oneLine, flexShrink: 1, color: colors.muted }, cardText(input.storyTitle, 'Reports compared side by side')),
    ]),
    el('div', { display: 'flex', alignItems: 'center', height: footer.line, marginTop: footer.gap }, [
      el('div', { width: 16, height: 16, marginRight: 14, flexShrink: 0, borderRadius: 8, backgroundColor: marker }),
      el(
        'div',
        { ...oneLine, fontFamily: cardFamilies.sans, fontSize: footer.countFont, lineHeight: `${footer.line}px`, color: colors.text },
        carrySentence(input.otherOutlets.map((outlet) => cardText(outlet, 'another outlet'))),
      ),
    ]),
  ]);

  const page = el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0, padding: `${pad.top}px ${pad.x}px ${pad.bottom}px` }, [
    top,
    claim,
    bottom,
  ]);

  return el('div', { display: 'flex', flexDirection: 'column', width: cardSize.width, height: cardSize.height, backgroundColor: colors.bg }, [
    el('div', { height: band, flexShrink: 0, backgroundColor: colors.accent }),
    page,
  ]);
}
