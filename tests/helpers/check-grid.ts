import assert from 'node:assert/strict';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import type { Comparison } from './read-comparison.ts';
import { claimContextPath } from './read-comparison.ts';
import { attribute, collapse, textOf } from './read-dist.ts';

const words = { verbatim: 'verbatim', edited: 'edited', paraphrase: 'paraphrase', part: 'part', only: 'only here', absent: 'not carried' };

/**
 * Checks the claim x outlet grid of a story page against the published groups: a real table with a caption
 * and header cells, one row per group linking to its first claim on the page, one column per outlet, and each cell
 * saying in words how that outlet carries the claim and what it says where it conflicts.
 */
export function assertGrid(page: Root, comparison: Comparison): void {
  const table = select('section.cr-grid table', page);
  assert.ok(table, 'no table in section.cr-grid');
  assert.ok(textOf(select('caption', table)), 'the grid has no caption');
  const scroller = select('.cr-grid-scroll', page);
  assert.ok(scroller && attribute(scroller, 'tabIndex') === '0' && attribute(scroller, 'role') === 'region', 'the scrolling container is not a focusable region');
  assert.ok(attribute(scroller, 'ariaLabelledBy') || attribute(scroller, 'ariaLabel'), 'the scrolling container has no label');
  const heads = selectAll('thead th[scope="col"]', table).map((th) => textOf(th));
  assert.deepEqual(heads.slice(1), comparison.reports.map((report) => report.outlet), 'one column per outlet, in story order');
  const rows = selectAll('tbody tr', table);
  assert.equal(rows.length, comparison.groups.length, 'one row per claim group');
  const texts = new Map(comparison.reports.flatMap((report) => report.claims.map((claim) => [claim.id, claim.text] as const)));
  for (const [index, group] of comparison.groups.entries()) {
    const row = rows[index]!;
    const where = `grid row ${group.id}`;
    assert.equal(attribute(row, 'id'), group.id, where);
    const header = select('th[scope="row"]', row);
    const link = select('a', header);
    // The row's claim is on this very page (its context), so the row links to it as a fragment that lands there.
    const id = claimContextPath(comparison, group.claims[0]!).split('#')[1]!;
    assert.equal(attribute(link, 'href'), `#${id}`, `${where}: link`);
    assert.ok(select(`[id="${id}"]`, page), `${where}: no claim #${id} on the page`);
    const shown = textOf(link).replace(/…$/, '');
    assert.ok(shown.length > 0 && collapse(texts.get(group.claims[0]!) ?? '').startsWith(shown), `${where}: "${shown}" is not the start of its claim`);
    const cells = selectAll('td', row);
    assert.equal(cells.length, comparison.reports.length, `${where}: cells`);
    for (const [c, cell] of group.cells.entries()) {
      const td = cells[c]!;
      const state = cell.claims.length === 0 ? 'absent' : (cell.kind ?? 'only');
      assert.equal(attribute(td, 'dataCarry'), state, `${where} / ${cell.article}`);
      assert.ok(textOf(td).includes(words[state]), `${where} / ${cell.article}: "${textOf(td)}" does not say "${words[state]}"`);
      const flagged = selectAll('.cr-grid-conflict', td).map((flag) => textOf(flag));
      for (const conflict of cell.conflicts) {
        assert.ok(flagged.some((flag) => flag.includes(collapse(conflict.a).slice(0, 30))), `${where} / ${cell.article}: conflict "${conflict.a}" not flagged`);
      }
      if (cell.conflicts.length === 0) assert.deepEqual(flagged, [], `${where} / ${cell.article}: flagged without a conflict`);
    }
  }
}
