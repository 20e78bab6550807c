import assert from 'node:assert/strict';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import type { Comparison, ComparisonReport } from './read-comparison.ts';
import { attribute, collapse, textOf } from './read-dist.ts';

/** Jumps to counterparts stay on a claim's line while they are in this many reports at most (Claim.astro). */
const maxJumpReports = 2;

/**
 * Checks every claim of every report on the story `page` against the published comparison: every report in
 * the columns in the story's order, the first two marked as the pair side by side; each claim's exact text,
 * status, counterparts and marks measured against all the other reports, conflicts marked apart and spelled
 * out, wording labels on the jump links, its detail and tools.
 */
export function assertStoryColumns(page: Root, comparison: Comparison): void {
  const outlets = new Map(comparison.reports.map((report) => [report.slug, report.outlet]));
  const reportOf = new Map(comparison.reports.flatMap((report) => report.claims.map((claim) => [claim.id, report.slug] as const)));
  const articles = selectAll('.cr-columns > article.cr-report', page);
  assert.deepEqual(articles.map((article) => attribute(article, 'dataReport')), comparison.reports.map((report) => report.slug), 'every report in the columns, in order');
  assert.deepEqual(articles.map((article) => attribute(article, 'dataSide') ?? ''), comparison.reports.map((_, index) => ['first', 'second'][index] ?? ''), 'the first two side by side');
  for (const report of comparison.reports) {
    const others = comparison.reports.filter((other) => other !== report);
    for (const [index, claim] of report.claims.entries()) {
      const where = `claim ${claim.id} of ${report.slug}`;
      const element = select(`p.cr-claim[id="${claim.id}"]`, page);
      assert.ok(element, `no p.cr-claim#${claim.id}`);
      const linked = comparison.matches.filter((match) => match.claims.includes(claim.id)).map((match) => match.claims.find((id) => id !== claim.id)!);
      const withOthers = comparison.matches.filter((match) => match.claims.includes(claim.id));
      assert.equal(attribute(element, 'dataReport'), report.slug, where);
      assert.equal(attribute(element, 'dataStatus'), linked.length > 0 ? 'shared' : 'unique', `${where}: data-status`);
      const counterparts = [...claim.counterparts].sort();
      // The page names a claim's counterparts once, in its detail's links (checked below), which scripts read.
      assert.equal(attribute(element, 'dataCounterparts'), undefined, `${where}: counterparts listed twice`);

      const text = select('.cr-claim-text', element);
      assert.equal(textOf(text), collapse(claim.text), `${where}: text`);
      const plainMarks = selectAll('mark:not([data-conflict])', text ?? element).map((mark) => textOf(mark)).filter(Boolean);
      if (linked.length === 0) assert.deepEqual(plainMarks, [], `${where}: marked wording without a counterpart`);
      if (withOthers.some((match) => match.kind === 'verbatim')) assert.ok(plainMarks.length > 0, `${where}: verbatim, unmarked`);

      const conflicts = withOthers.flatMap((match) =>
        match.conflicts.map((conflict) => ({
          ...(match.claims[0] === claim.id ? conflict : { ...conflict, a: conflict.b, b: conflict.a }),
          other: outlets.get(reportOf.get(match.claims.find((id) => id !== claim.id)!) ?? '') ?? '?',
        })),
      );
      const conflictMarks = selectAll('mark[data-conflict]', text ?? element).map((mark) => `${attribute(mark, 'dataConflict')} ${textOf(mark)}`);
      for (const conflict of conflicts) {
        assert.ok(conflictMarks.includes(`${conflict.kind} ${collapse(conflict.a)}`), `${where}: "${conflict.a}" not marked as a ${conflict.kind} conflict (${conflictMarks.join(' | ')})`);
        const notes = selectAll(`.cr-conflict-note[data-conflict="${conflict.kind}"]`, element).map((note) => textOf(note));
        assert.ok(
          notes.some((note) => note.includes(collapse(conflict.a)) && note.includes(collapse(conflict.b)) && note.includes(conflict.other) && note.includes(report.outlet)),
          `${where}: no note giving both versions of the ${conflict.kind} conflict: ${notes.join(' | ')}`,
        );
      }
      if (conflicts.length === 0) assert.deepEqual(conflictMarks, [], `${where}: conflict marks without a conflict on the page`);

      const tools = select('.cr-claim-tools', element);
      assert.ok(tools, `${where}: tools missing`);
      const badge = textOf(select('.cr-badge', tools));
      if (claim.counterparts.length === 0) assert.equal(badge, `Only in ${report.outlet}`, `${where}: badge`);
      else if (linked.length === 0) assert.equal(badge, `Not in ${others.length > maxJumpReports ? 'the other reports' : others.map((other) => other.outlet).join(' or ')}`, `${where}: badge`);
      else assert.equal(badge, '', `${where}: a claim with a counterpart has a badge`);

      // The line under a claim stays short: a jump to each counterpart while they are in one or two reports;
      // the detail lists them all.
      const jumps = selectAll('a.cr-jump', tools);
      const jumpReports = new Set(linked.map((id) => reportOf.get(id)));
      const expectedJumps = jumpReports.size > maxJumpReports ? [] : linked.map((id) => `#${id}`);
      assert.deepEqual(jumps.map((jump) => attribute(jump, 'href')).sort(), expectedJumps.sort(), `${where}: jump links`);
      for (const jump of jumps) {
        const target = (attribute(jump, 'href') ?? '').split('#')[1] ?? '';
        const match = comparison.matches.find((m) => m.claims.includes(claim.id) && m.claims.includes(target));
        assert.ok(match, `${where}: a jump link to ${target}, which is no counterpart`);
        assert.ok(textOf(jump).includes(outlets.get(reportOf.get(target) ?? '') ?? '?'), `${where}: the jump to ${target} does not name its outlet`);
        assert.ok(textOf(jump).includes(match.kind), `${where}: the jump to ${target} does not say "${match.kind}"`);
      }
      const detail = select(`details.cr-claim-detail[data-detail-of="${claim.id}"]`, page);
      assert.ok(detail, `${where}: no detail`);
      const otherCount = others.length;
      const carriers = new Set(claim.counterparts.map((id) => reportOf.get(id)));
      carriers.delete(report.slug);
      const summary =
        carriers.size === 0 ? 'About this claim'
        : otherCount === 1 ? 'Also in the other report'
        : carriers.size === otherCount ? `Also in all ${otherCount} other reports`
        : `Also in ${carriers.size} of the ${otherCount} other reports`;
      assert.ok(textOf(select('summary', detail)).startsWith(summary), `${where}: summary "${textOf(select('summary', detail))}"`);
      const listed = selectAll('a.cr-counterpart-link', detail).map((link) => attribute(link, 'href'));
      const expected = counterparts.map((id) => `#${id}`);
      assert.deepEqual([...listed].sort(), expected.sort(), `${where}: counterparts in the detail`);
      // Two counterparts in one report are told apart by their opening words; one alone needs none.
      const items = selectAll('li.cr-counterpart', detail);
      for (const slug of new Set(items.map((item) => attribute(item, 'dataReport')))) {
        const same = items.filter((item) => attribute(item, 'dataReport') === slug);
        const openings = same.map((item) => select('.cr-counterpart-opening', item)).map((opening) => (opening ? textOf(opening) : undefined));
        if (same.length === 1) assert.equal(openings[0], undefined, `${where}: an opening beside the only counterpart in ${slug}`);
        else assert.equal(new Set(openings.filter(Boolean)).size, same.length, `${where}: counterparts in ${slug} not told apart: ${openings.join(' | ')}`);
      }
      const permalink = new URL(claim.permalink).pathname + new URL(claim.permalink).hash;
      assert.equal(attribute(select('a.cr-permalink', detail), 'href'), permalink, `${where}: link to the claim`);
      assert.deepEqual(selectAll('button', detail), [], `${where}: buttons without JavaScript`);
      const earlier = report.claims.slice(0, index).find((other) => collapse(other.text) === collapse(claim.text));
      assert.equal(attribute(element, 'dataRepeatOf'), earlier?.id, `${where}: data-repeat-of`);
      assert.equal(attribute(select('a.cr-repeat', tools), 'href'), earlier && `#${earlier.id}`, `${where}: repeat link`);
    }
  }
}
