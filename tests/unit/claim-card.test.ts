import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import satori, { type SatoriNode } from 'satori';
import { cardFonts } from '../../src/cards/card-fonts.ts';
import { carrySentence, claimCard, cardSize, type CardElement, type CardNode, type ClaimCardInput } from '../../src/cards/claim-card.ts';
import { claimCardInput } from '../../src/cards/claim-card-input.ts';
import { renderCard } from '../../src/cards/render-card.ts';
import type { Claim, ClaimLink, ReportComparison, StoryComparison } from '../../src/pipeline/types.ts';

const input: ClaimCardInput = {
  siteName: 'Crossread',
  claim: 'The bridge reopened to traffic on Monday morning after three weeks of repairs.',
  lang: 'en',
  outlet: 'The Harbour Gazette',
  storyTitle: 'City bridge reopens after repairs',
  otherOutlets: ['Riverside Daily', 'Metro Wire'],
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
const claimElement = (card: CardElement, claim: string) => elements(card).find((element) => element.props.children === claim);

/** Width and height from a PNG's IHDR chunk, after the 8-byte signature and the chunk's length and type. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Where satori places each text of the card. */
async function layout(card: CardElement): Promise<SatoriNode[]> {
  const nodes: SatoriNode[] = [];
  await satori(card, { ...cardSize, fonts: await cardFonts(), onNodeDetected: (node) => nodes.push(node) });
  return nodes.filter((node) => node.textContent);
}

describe('the claim card', () => {
  test('shows the site name, the claim, the outlet with the story title, and how many other reports carry it', () => {
    const shown = texts(claimCard(input));
    for (const text of ['Crossread', input.claim, input.outlet, input.storyTitle, 'Also in 2 other reports: Riverside Daily, Metro Wire']) {
      assert.ok(shown.includes(text), `the card does not show "${text}"`);
    }
  });

  test('says how many other reports carry the claim, in the singular for one and plainly for none', () => {
    assert.equal(carrySentence(['Riverside Daily']), 'Also in 1 other report: Riverside Daily');
    assert.equal(carrySentence(['A', 'B', 'C']), 'Also in 3 other reports: A, B, C');
    assert.equal(carrySentence([]), 'Only in this report');
    assert.ok(texts(claimCard({ ...input, otherOutlets: [] })).includes('Only in this report'));
  });

  test('tags the claim with the language of its report', () => {
    assert.equal(claimElement(claimCard({ ...input, lang: 'de' }), input.claim)?.props.lang, 'de');
  });

  test('sets a long claim smaller than a short one, and clamps one too long for the card', () => {
    const sizeOf = (claim: string) => Number(claimElement(claimCard({ ...input, claim }), claim)?.props.style?.fontSize);
    const short = sizeOf(words(8));
    const sixty = sizeOf(words(60));
    assert.ok(sixty < short, `a 60-word claim is set at ${sixty}px, a short one at ${short}px`);
    assert.ok(sixty >= 30, `a 60-word claim is set at ${sixty}px, too small to read on a shared card`);
    const huge = words(400);
    const style = claimElement(claimCard({ ...input, claim: huge }), huge)?.props.style ?? {};
    assert.ok(Number(style.lineClamp) > 0, 'a claim too long for the card is not clamped');
    assert.equal(style.textOverflow, 'ellipsis');
  });

  test('keeps the outlet and the count on the card and in the same place whatever the length of the claim', async () => {
    const place = async (claim: string) => {
      const nodes = await layout(claimCard({ ...input, claim }));
      const find = (text: string) => nodes.find((node) => node.textContent === text);
      return { outlet: find(input.outlet), count: find(carrySentence(input.otherOutlets)), claim: find(claim) };
    };
    const short = await place(words(8));
    for (const claim of [words(60), words(400)]) {
      const long = await place(claim);
      for (const node of [long.outlet, long.count]) {
        assert.ok(node, 'the footer text is missing');
        assert.ok(node.top + node.height <= cardSize.height, `"${node.textContent}" ends below the card`);
        assert.ok(node.left + node.width <= cardSize.width, `"${node.textContent}" ends right of the card`);
      }
      assert.equal(long.outlet?.top, short.outlet?.top, 'a long claim moves the outlet line');
      assert.equal(long.count?.top, short.count?.top, 'a long claim moves the count');
      assert.ok(long.claim && long.outlet && long.claim.top + long.claim.height <= long.outlet.top, 'the claim runs into the footer');
    }
  });

  test('renders as a 1200x630 PNG', async () => {
    assert.deepEqual(pngSize(await renderCard(claimCard(input))), { width: 1200, height: 630 });
  });

  test('renders claims in scripts and symbols the fonts lack without failing', async () => {
    for (const claim of ['東京都は月曜日に新しい規則を発表した。', 'قال المتحدث إن الجسر أعيد فتحه.', 'Die Brücke ist wieder offen 🚗 — ура!']) {
      const png = await renderCard(claimCard({ ...input, claim, lang: 'und', outlet: '日本新聞', otherOutlets: ['Ελληνικά Νέα'] }));
      assert.deepEqual(pngSize(png), { width: 1200, height: 630 });
    }
  });

  test('names the language instead of drawing a claim in a script the fonts lack, so the card shows no empty boxes', () => {
    const texts = (node: CardNode | CardNode[] | undefined): string[] =>
      node === undefined ? [] : Array.isArray(node) ? node.flatMap(texts) : typeof node === 'string' ? [node] : texts(node.props.children);
    const urdu = 'پل دوبارہ کھول دیا گیا۔';
    const shown = texts(claimCard({ ...input, claim: urdu, lang: 'ur', outlet: 'روزنامہ', otherOutlets: ['Dawn'] }));
    assert.ok(shown.includes('A claim in Urdu, on Crossread'), shown.join(' | '));
    assert.ok(!shown.some((text) => /\p{Script=Arabic}/u.test(text)), 'Arabic-script text is still on the card');
    assert.ok(shown.some((text) => text.includes('Dawn')));
    const greek = texts(claimCard({ ...input, claim: 'Η γέφυρα άνοιξε ξανά.', lang: 'el' }));
    assert.ok(greek.includes('Η γέφυρα άνοιξε ξανά.'), 'Greek is drawn as written');
  });

  test('keeps a long outlet name, story title and list of outlets to one line each', async () => {
    const card = claimCard({ ...input, outlet: words(12), storyTitle: words(30), otherOutlets: Array.from({ length: 9 }, (_, i) => `Outlet number ${i + 1}`) });
    const nodes = await layout(card);
    const lines = nodes.filter((node) => node.textContent !== input.claim && node.textContent !== 'Crossread');
    for (const node of lines) assert.ok(node.height <= 40, `"${node.textContent?.slice(0, 40)}…" wraps onto ${node.height}px`);
  });
});

describe('what a claim card says about a story', () => {
  const report = (slug: string, outlet: string, claims: Claim[] = []) => ({ slug, outlet, lang: 'en', claims }) as unknown as ReportComparison;
  const link = (claim: string, reportSlug: string) => ({ claim, reportSlug }) as ClaimLink;
  const claim = (id: string, links: ClaimLink[]) => ({ id, text: `Claim ${id}.`, reportSlug: 'a', links }) as unknown as Claim;

  test('counts each other report that carries the claim once, naming them in the story order', () => {
    const own = claim('a-1', [link('c-4', 'c'), link('b-2', 'b'), link('c-7', 'c')]);
    const story = {
      title: 'A story',
      reports: [report('a', 'Outlet A', [own]), report('b', 'Outlet B'), report('c', 'Outlet C'), report('d', 'Outlet D')],
    } as unknown as StoryComparison;
    const card = claimCardInput(story, story.reports[0]!, own);
    assert.deepEqual(card.otherOutlets, ['Outlet B', 'Outlet C']);
    assert.equal(card.outlet, 'Outlet A');
    assert.equal(card.storyTitle, 'A story');
    assert.equal(card.claim, 'Claim a-1.');
    assert.equal(card.siteName, 'Crossread');
  });

  test('names no other report for a claim without links', () => {
    const own = claim('a-1', []);
    const story = { title: 'A story', reports: [report('a', 'Outlet A', [own]), report('b', 'Outlet B')] } as unknown as StoryComparison;
    assert.deepEqual(claimCardInput(story, story.reports[0]!, own).otherOutlets, []);
  });
});
