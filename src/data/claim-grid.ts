import { claimStanding } from '../pipeline/claim-standing.ts';
import type { ClaimGroup, GroupCell, GroupConflict, StoryComparison } from '../pipeline/types.ts';
import { shorten, type CarryState } from './format.ts';
import type { ClaimRef } from './story-view.ts';

/** One cell of the claim x outlet grid: how one outlet carries one claim group. */
export interface GridCell {
  cell: GroupCell;
  state: CarryState;
  /**
   * True when the outlet's claims are tied to the rest of the group by possible matches only (every score
   * under CONFIDENT_MATCH): the site is not sure this outlet makes the claim.
   */
  possible: boolean;
  /** The outlet's first claim of the group, on the story page the grid is drawn on; undefined when it does not carry the group. */
  href?: string;
  lang?: string;
  /** One entry per thing this outlet says differently, however many outlets it differs from. */
  conflicts: GroupConflict[];
}

export interface GridRow {
  group: ClaimGroup;
  /**
   * The start of the group's first claim, the row's heading: up to `rowHeadingLength` characters, enough to know
   * the claim by (its link leads to the whole of it), and short enough that a story of many reports keeps a
   * light page.
   */
  text: string;
  href: string;
  lang?: string;
  cells: GridCell[];
}

const rowHeadingLength = 72;

/**
 * The rows of a story's claim grid, one per claim group in the story's group order, one cell per report in the
 * story's order. A cell is `absent` when the report does not carry the group, `only` when no other report
 * does, otherwise the group's closest wording for it (GroupCell.kind); it is a possible match when its claims
 * stand (claim-standing.ts) through their links to the group's claims of other reports by possible matches only.
 */
export function claimGridRows(story: StoryComparison, claims: Map<string, ClaimRef>): GridRow[] {
  return story.groups.map((group) => {
    const first = claims.get(group.claimIds[0] ?? '');
    const inGroup = new Set(group.claimIds);
    return {
      group,
      text: first ? shorten(first.claim.text, rowHeadingLength) : '',
      href: first ? `#${first.claim.id}` : '#',
      ...(first && { lang: first.report.lang }),
      cells: group.cells.map((cell): GridCell => {
        const refs = cell.claimIds.flatMap((id) => claims.get(id) ?? []);
        // How the cell's claims stand through their links to the group's claims of other reports.
        const standings = refs.map((ref) =>
          claimStanding(ref.claim, (id) => claims.get(id)?.claim, (link) => inGroup.has(link.claim) && link.reportSlug !== cell.reportSlug),
        );
        const shared = standings.filter((standing) => standing.sharing === 'shared');
        const state: CarryState = cell.claimIds.length === 0 ? 'absent' : (cell.kind ?? 'only');
        const [ref] = refs;
        return {
          cell,
          state,
          possible: shared.length > 0 && shared.every((standing) => standing.possible),
          ...(ref && { href: `#${ref.claim.id}`, lang: ref.report.lang }),
          conflicts: cell.conflicts.filter(
            (conflict, index) => cell.conflicts.findIndex((other) => other.kind === conflict.kind && other.a === conflict.a) === index,
          ),
        };
      }),
    };
  });
}
