import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import satori, { type SatoriNode } from 'satori';
import { cardFonts } from '../../src/cards/card-fonts.ts';
import { renderCard } from '../../src/cards/render-card.ts';
import { storyCardAlt } from '../../src/cards/story-card-alt.ts';
import { storyCardInput } from '../../src/cards/story-card-input.ts';
import { cardSize, storyCard, type CardElement, type CardNode, type StoryCardInput } from '../../src/cards/story-card.ts';
import type { Claim, ReportComparison, StoryComparison } from '../../src/pipeline/types.ts';

const outlet = (name: string, lang = 'en') => ({ name, lang });

const input: StoryCardInput = {
  siteName: 'Crossread',
  title: 'City bridge reopens after repairs',
  lang: 'en',
  outlets: [outlet('The Harbour Gazette'), outlet('Riverside Daily')],
  claims: 29,
  sharedClaims: 18,
  uniqueClaims: 11,
};

const fiveReports: StoryCardInput = {
  ...input,
  outlets: ['The Harbour Gazette', 'Riverside Daily', 'Metro Wire', 'Valley Courier', 'Northern Post'].map((name) => outlet(name)),
  claims: 74,
  sharedClaims: 51,
  uniqueClaims: 23,
};

const words = (count: number) =>
  Array.from({ length: count }, (_, i) => ['officials', 'said', 'the', 'inspection', 'found', 'cracks', 'in', 'two', 'supports'][i % 9]).join(' ');

function elements(node: CardNode | undefined): CardElement[] {
  if (node === undefined || typeof node === 'string') return [];
  const children = node.props.children;
  const list = Array.isArray(children) ? children : children === undefined ? [] : [children];
  return [node, ...list.flatMap(elements)];
}

const texts = (card: CardElement) => elements(card).flatMap((element) => (typeof element.props.children === 'string' ? [element.props.children] : []));
const textElement = (card: CardElement, text: string) => elements(card).find((element) => element.props.children === text);

/** Width and height from a PNG's IHDR chunk, after the 8-byte signature and the chunk's length and type. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Where satori places each element of the card: text nodes and the bar's boxes alike. */
async function layout(card: CardElement): Promise<SatoriNode[]> {
  const nodes: SatoriNode[] = [];
  await satori(card, { ...cardSize, fonts: await cardFonts(), onNodeDetected: (node) => nodes.push(node) });
  return nodes;
}

/** The coloured parts of the overlap bar, left to right: the filled boxes as tall as the bar. */
async function barParts(card: CardElement): Promise<SatoriNode[]> {
  const nodes = await layout(card);
  const filled = (node: SatoriNode) => Boolean((node.props as { style?: { backgroundColor?: string } }).style?.backgroundColor);
  return nodes.filter((node) => filled(node) && node.height === 28).sort((a, b) => a.left - b.left);
}

describe('the story card', () => {
  test('shows the site name, the story title, the two outlets compared and the claim figures', () => {
    const shown = texts(storyCard(input));
    for (const text of ['Crossread', input.title, 'The Harbour Gazette and Riverside Daily', '18 of 29 claims shared', '11 only in one report']) {
      assert.ok(shown.includes(text), `the card does not show "${text}": ${shown.join(' | ')}`);
    }
  });

  test('counts the reports and names every outlet when a story has more than two', () => {
    const shown = texts(storyCard(fiveReports));
    assert.ok(
      shown.includes('5 reports: The Harbour Gazette, Riverside Daily, Metro Wire, Valley Courier and Northern Post'),
      shown.join(' | '),
    );
    assert.ok(shown.includes('51 of 74 claims shared'));
  });

  test('draws the overlap as a bar split in proportion to the shared and single-report claims', async () => {
    for (const story of [input, fiveReports, { ...input, claims: 40, sharedClaims: 10, uniqueClaims: 30 }]) {
      const [shared, unique] = await barParts(storyCard(story));
      assert.ok(shared && unique, 'the bar has no shared and single-report parts');
      const drawn = shared.width / (shared.width + unique.width);
      const actual = story.sharedClaims / story.claims;
      assert.ok(Math.abs(drawn - actual) < 0.02, `${story.sharedClaims} of ${story.claims} shared is drawn as ${Math.round(drawn * 100)}%`);
    }
  });

  test('draws one part only when every claim is shared or none is, and says so in figures', async () => {
    const none = { ...input, sharedClaims: 0, uniqueClaims: 29 };
    assert.equal((await barParts(storyCard(none))).length, 1);
    assert.ok(texts(storyCard(none)).includes('0 of 29 claims shared'));
    assert.ok(texts(storyCard({ ...input, claims: 0, sharedClaims: 0, uniqueClaims: 0 })).includes('No claims yet'));
  });

  test('tags the title with the language of its reports', () => {
    assert.equal(textElement(storyCard({ ...input, lang: 'de' }), input.title)?.props.lang, 'de');
  });

  test('sets a long title smaller than a short one, and clamps one too long for the card', () => {
    const sizeOf = (title: string) => Number(textElement(storyCard({ ...input, title }), title)?.props.style?.fontSize);
    const short = sizeOf(words(6));
    const long = sizeOf(words(30));
    assert.ok(long < short, `a 30-word title is set at ${long}px, a short one at ${short}px`);
    assert.ok(long >= 36, `a 30-word title is set at ${long}px, too small to read on a shared card`);
    const huge = words(300);
    const style = textElement(storyCard({ ...input, title: huge }), huge)?.props.style ?? {};
    assert.ok(Number(style.lineClamp) > 0, 'a title too long for the card is not clamped');
    assert.equal(style.textOverflow, 'ellipsis');
  });

  test('keeps the outlets and the figures on the card and in place whatever the length of the title', async () => {
    const place = async (title: string) => {
      const nodes = (await layout(storyCard({ ...input, title }))).filter((node) => node.textContent);
      const find = (text: string) => nodes.find((node) => node.textContent === text);
      return { outlets: find('The Harbour Gazette and Riverside Daily'), figures: find('18 of 29 claims shared'), title: find(title) };
    };
    const short = await place(words(6));
    for (const title of [words(30), words(300)]) {
      const long = await place(title);
      for (const node of [long.outlets, long.figures]) {
        assert.ok(node, 'the outlets or the figures are missing');
        assert.ok(node.top + node.height <= cardSize.height, `"${node.textContent}" ends below the card`);
        assert.ok(node.left + node.width <= cardSize.width, `"${node.textContent}" ends right of the card`);
      }
      assert.equal(long.figures?.top, short.figures?.top, 'a long title moves the figures');
      assert.ok(long.title && long.outlets && long.title.top + long.title.height <= long.outlets.top, 'the title runs into the outlets');
    }
  });

  test('keeps a long list of outlets to two lines', async () => {
    const many = Array.from({ length: 10 }, (_, i) => outlet(`The Outlet Number ${i + 1} Evening Edition`));
    const nodes = await layout(storyCard({ ...input, outlets: many }));
    const list = nodes.find((node) => node.textContent?.startsWith('10 reports: '));
    assert.ok(list, 'the list of outlets is missing');
    assert.ok(list.height <= 2 * 38, `the list of outlets wraps onto ${list.height}px`);
  });

  test('renders as a 1200x630 PNG', async () => {
    assert.deepEqual(pngSize(await renderCard(storyCard(input))), { width: 1200, height: 630 });
  });

  test('renders titles and outlets in scripts and symbols the fonts lack without failing', async () => {
    for (const title of ['東京都は月曜日に新しい規則を発表した', 'قال المتحدث إن الجسر أعيد فتحه', 'Die Brücke ist wieder offen 🚗 — ура!']) {
      const png = await renderCard(storyCard({ ...input, title, lang: 'und', outlets: [outlet('日本新聞', 'ja'), outlet('Ελληνικά Νέα', 'el')] }));
      assert.deepEqual(pngSize(png), { width: 1200, height: 630 });
    }
  });

  test('names the language instead of drawing text in a script the fonts lack, so the card shows no empty boxes', () => {
    const urdu = storyCard({ ...input, title: 'پل دوبارہ کھول دیا گیا', lang: 'ur', outlets: [outlet('روزنامہ شمال', 'ur'), outlet('Dawn')] });
    const shown = texts(urdu);
    assert.ok(shown.includes('A story in Urdu, on Crossread'), shown.join(' | '));
    assert.ok(shown.includes('Dawn and an outlet in Urdu'), shown.join(' | '));
    assert.ok(!shown.some((text) => /\p{Script=Arabic}/u.test(text)), 'Arabic-script text is still on the card');
    const both = texts(storyCard({ ...input, outlets: [outlet('روزنامہ شمال', 'ur'), outlet('روزنامہ جنگ', 'ur')] }));
    assert.ok(both.includes('2 outlets in Urdu'), both.join(' | '));
    const greek = texts(storyCard({ ...input, title: 'Η γέφυρα άνοιξε ξανά', lang: 'el' }));
    assert.ok(greek.includes('Η γέφυρα άνοιξε ξανά'), 'Greek is drawn as written');
  });
});

describe('what a story card says about a story', () => {
  const report = (slug: string, outlet: string, lang = 'en', claims: Claim[] = []) => ({ slug, outlet, lang, claims }) as unknown as ReportComparison;
  const story = {
    slug: 'a-story',
    title: 'A story',
    reports: [report('a', 'Outlet A'), report('b', 'Outlet B', 'ur'), report('c', 'Outlet C')],
    stats: { claims: 12, sharedClaims: 7, uniqueClaims: 5, matches: 4 },
  } as unknown as StoryComparison;

  test("takes the story's title, its outlets in the story's order and its claim counts", () => {
    const card = storyCardInput(story);
    assert.equal(card.siteName, 'Crossread');
    assert.equal(card.title, 'A story');
    assert.deepEqual(card.outlets, [outlet('Outlet A'), outlet('Outlet B', 'ur'), outlet('Outlet C')]);
    assert.deepEqual([card.claims, card.sharedClaims, card.uniqueClaims], [12, 7, 5]);
    assert.equal(card.lang, 'en', 'reports in several languages leave the title in the interface language');
  });

  test('gives a text alternative with the title, every outlet as written and the figures', () => {
    const withUrdu = { ...input, outlets: [outlet('روزنامہ شمال', 'ur'), outlet('Dawn')] };
    assert.equal(storyCardAlt(withUrdu), 'Crossread card: “City bridge reopens after repairs”. روزنامہ شمال and Dawn. 18 of 29 claims shared, 11 only in one report.');
    assert.match(storyCardAlt(fiveReports), /5 reports: The Harbour Gazette, Riverside Daily, Metro Wire, Valley Courier and Northern Post\. 51 of 74 claims shared, 23 only in one report\.$/);
  });
});
