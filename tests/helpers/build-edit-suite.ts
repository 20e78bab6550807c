import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../src/pipeline/parse-report.ts';
import { buildIn, preparedCopy, type BuiltCopy } from './build-fixture-site.ts';

/** The corrections every story of content/ goes through, each on a copy of its own. */
export const edits = ['paragraph-inserted-above', 'typo-fixed', 'word-added', 'sentence-removed', 'paragraphs-swapped'] as const;
export type Edit = (typeof edits)[number];

export interface EditedStory {
  edit: Edit;
  /** The copy's folder name under content/stories/. */
  slug: string;
  /** The story of content/ it copies. */
  source: string;
  /** File name (without .md) of the report the edit changed. */
  report: string;
  /** The claim the edit changed, as first published and as it reads after the edit (absent when removed). */
  target?: { before: string; after?: string };
}

export interface EditSuite extends BuiltCopy {
  stories: EditedStory[];
  /** Where each copy's comparison.json from the first build is kept: `<before>/<slug>.json`. */
  before: string;
}

const insertedParagraph =
  'This report was updated after publication. Officials have since released further details, which appear below.';

/**
 * Builds a copy of the project whose stories are copies of every story in content/, one per edit, with no
 * ledger: a first build publishes their claim ids, then one report of each copy is corrected as its edit says
 * and the site is built again. The copy's dist/ is the second build; the first build's comparison.json
 * files are kept for the old links. Shared and reused like the fixture site (see preparedCopy).
 */
export async function buildEditSuite(): Promise<EditSuite> {
  const copy = await preparedCopy('edit-suite', ['tests/helpers/build-edit-suite.ts'], async (work) => {
    const stories = join(work, 'content', 'stories');
    const sources = readdirSync(stories);
    const plan: (EditedStory & { file: string; body: string; frontmatter: string })[] = [];
    for (const source of sources) {
      for (const edit of edits) {
        const slug = `${source}-${edit}`;
        cpSync(join(stories, source), join(stories, slug), { recursive: true });
        rmSync(join(stories, slug, 'claim-ledger.json'), { force: true });
        const report = readdirSync(join(stories, slug)).filter((name) => name.endsWith('.md')).sort()[0]!;
        const file = join(stories, slug, report);
        const [, frontmatter = '', body = ''] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(readFileSync(file, 'utf8')) ?? [];
        plan.push({ edit, slug, source, report: report.replace(/\.md$/, ''), file, body, frontmatter });
      }
    }
    for (const source of sources) rmSync(join(stories, source), { recursive: true });

    for (const story of plan) {
      const { first, target } = correction(story.edit, story.body);
      writeFileSync(story.file, story.frontmatter + first);
      if (target) story.target = { before: target.before };
    }
    await buildIn(work);
    const before = join(work, 'before');
    mkdirSync(before);
    for (const { slug } of plan) cpSync(join(work, 'dist', 'stories', slug, 'comparison.json'), join(before, `${slug}.json`));

    for (const story of plan) {
      const { second, target } = correction(story.edit, story.body);
      writeFileSync(story.file, story.frontmatter + second);
      if (target) story.target = target.after === undefined ? { before: target.before } : target;
    }
    await buildIn(work);
    const stored: EditedStory[] = plan.map(({ edit, slug, source, report, target }) => ({ edit, slug, source, report, ...(target && { target }) }));
    writeFileSync(join(work, 'edit-suite.json'), JSON.stringify(stored, null, 2));
  });
  const stories = JSON.parse(readFileSync(join(copy.root, 'edit-suite.json'), 'utf8')) as EditedStory[];
  return { ...copy, stories, before: join(copy.root, 'before') };
}

/** The report body as first published and after the correction, and the claim the correction changes. */
function correction(edit: Edit, body: string): { first: string; second: string; target?: { before: string; after?: string } } {
  const paragraphs = body.split(/\n\s*\n/).filter((block) => block.trim() !== '');
  const claim = middleClaim(body);
  switch (edit) {
    case 'paragraph-inserted-above':
      return { first: body, second: `${insertedParagraph}\n\n${body}` };
    case 'typo-fixed': {
      const typo = withTypo(claim);
      return { first: body.replace(claim, typo), second: body, target: { before: typo, after: claim } };
    }
    case 'word-added': {
      const words = claim.split(' ');
      const added = [...words.slice(0, 3), 'also', ...words.slice(3)].join(' ');
      return { first: body, second: body.replace(claim, added), target: { before: claim, after: added } };
    }
    case 'sentence-removed': {
      const removed = body.includes(`${claim} `) ? body.replace(`${claim} `, '') : body.replace(` ${claim}`, '');
      if (removed === body) throw new Error(`could not remove "${claim}" from its paragraph`);
      return { first: body, second: removed, target: { before: claim } };
    }
    case 'paragraphs-swapped': {
      const text = paragraphs.map((block, i) => ({ block, i })).filter(({ block }) => !block.trimStart().startsWith('#'));
      const [top, bottom] = [text[0]!, text.at(-1)!];
      const swapped = paragraphs.map((block, i) => (i === top.i ? bottom.block : i === bottom.i ? top.block : block));
      return { first: body, second: `${swapped.join('\n\n')}\n` };
    }
  }
}

/**
 * A claim from the middle of the report that an edit can find in the markdown: written there verbatim, found
 * once in the report, and at least eight words long.
 */
function middleClaim(body: string): string {
  const claims = parseReport(body).flatMap((block) => (block.type === 'paragraph' ? block.claims : []));
  const usable = claims.filter(
    (text) => text.split(' ').length >= 8 && body.split(text).length === 2 && claims.filter((other) => other === text).length === 1,
  );
  const claim = usable[Math.floor(usable.length / 2)];
  if (!claim) throw new Error('the report has no claim an edit can change');
  return claim;
}

/** The claim with two different neighbouring letters of its longest word swapped. */
function withTypo(claim: string): string {
  const longest = claim.split(/[^\p{L}]+/u).reduce((a, b) => (b.length > a.length ? b : a), '');
  let at = Math.floor(longest.length / 2);
  while (at < longest.length - 1 && longest[at - 1] === longest[at]) at++;
  const misspelt = longest.slice(0, at - 1) + longest[at] + longest[at - 1] + longest.slice(at + 1);
  if (misspelt === longest) throw new Error(`no typo can be made in "${claim}"`);
  return claim.replace(longest, misspelt);
}
