import type { Claim, ClaimGroup, GroupCell, GroupConflict, Match, MatchKind } from './types.ts';
import { listsBy } from './lists-by.ts';
import { claimPlaces } from './claim-places.ts';
import { closestKind } from './claim-standing.ts';

/** Longest chain of matches, in hops, between two claims of one group. */
const maxHops = 3;

export interface GroupInput {
  slug: string;
  /** In reading order. */
  claims: Pick<Claim, 'id' | 'repeatOf'>[];
}

/**
 * Groups the claims of a story that state the same thing, across all its reports. `reports` come in the
 * story's order; `matches` are the pairwise matches of compare-story.
 *
 * A group is a connected set of claims under the matches, with two limits on chaining:
 * - a repeated sentence always sits in the group of its first copy;
 * - no two claims of a group are more than three matches apart. Three hops keep the useful chains (one long
 *   sentence that carries two short claims of another report joins all three, and a third report's short
 *   claim matching one of those joins them too) and stop drift (A is like B, B like C, C like D, D like E, so A
 *   would be "the same" as E). On the labelled real stories chosen on (the five whose names sort before "n"),
 *   three hops put 75 of 318 labelled pairs in one group against 59 with two, with no more groups joining
 *   claims that no label links (2). A longer chain is cut at the weakest match on it,
 *   repeatedly, until every group keeps the limit; a cut match stays in the story's matches, it only no
 *   longer joins two groups.
 * Every claim lands in exactly one group; a claim no other report makes is a group of one. Groups are
 * ordered by their first claim (report order, then reading order), which also names them.
 */
export function groupClaims(reports: GroupInput[], matches: Match[]): ClaimGroup[] {
  const { place: position, order } = claimPlaces(reports);
  const rep = new Map<string, string>();
  for (const report of reports) for (const claim of report.claims) rep.set(claim.id, claim.repeatOf ?? claim.id);

  // The graph joins first copies only; an edge keeps its strongest match.
  const edges = new Map<string, Map<string, number>>();
  for (const id of rep.values()) edges.set(id, new Map());
  for (const match of matches) {
    const [a, b] = match.claims.map((id) => rep.get(id));
    if (a === undefined || b === undefined || a === b) continue;
    const score = Math.max(edges.get(a)!.get(b) ?? -Infinity, match.score);
    edges.get(a)!.set(b, score);
    edges.get(b)!.set(a, score);
  }

  const components: string[][] = [];
  const seen = new Set<string>();
  for (const start of [...edges.keys()].sort(order)) {
    if (seen.has(start)) continue;
    let component = reach(edges, start);
    for (let long = farPath(edges, component); long; long = farPath(edges, component)) {
      cutWeakest(edges, long);
      component = reach(edges, start);
    }
    for (const id of component) seen.add(id);
    components.push(component);
  }

  const copies = listsBy(rep.keys(), (id) => [rep.get(id)!]);
  const groups = components
    .map((component) => component.flatMap((id) => copies.get(id) ?? []).sort(order))
    .sort((x, y) => order(x[0], y[0]));
  const inside = matchesInside(groups, matches);
  return groups.map((claimIds, g) => toGroup(claimIds, reports, inside[g]!, position));
}

/**
 * For each group (its claim ids), the matches between two of its claims, in the order of `matches`. A match whose
 * claims lie in two groups (cut to keep the hop limit) is in none.
 */
export function matchesInside(groups: readonly (readonly string[])[], matches: readonly Match[]): Match[][] {
  const groupOf = new Map<string, number>();
  groups.forEach((claimIds, g) => claimIds.forEach((id) => groupOf.set(id, g)));
  const inside = groups.map((): Match[] => []);
  for (const match of matches) {
    const g = groupOf.get(match.claims[0]);
    if (g !== undefined && g === groupOf.get(match.claims[1])) inside[g]!.push(match);
  }
  return inside;
}

/** The group of `claimIds`; `inside` holds the matches between two of its claims. */
function toGroup(
  claimIds: string[],
  reports: GroupInput[],
  inside: Match[],
  position: Map<string, { report: number }>,
): ClaimGroup {
  const cells = reports.map((report, r): GroupCell => {
    const own = claimIds.filter((id) => position.get(id)!.report === r);
    const ownSet = new Set(own);
    const kinds: MatchKind[] = [];
    const conflicts: GroupConflict[] = [];
    for (const match of inside) {
      const side = ownSet.has(match.claims[0]) ? 0 : ownSet.has(match.claims[1]) ? 1 : -1;
      if (side === -1) continue;
      kinds.push(match.kind);
      const [mine, theirs] = side === 0 ? match.claims : [match.claims[1], match.claims[0]];
      for (const conflict of match.conflicts) {
        const [a, b] = side === 0 ? [conflict.a, conflict.b] : [conflict.b, conflict.a];
        conflicts.push({ kind: conflict.kind, a, b, claims: [mine, theirs] });
      }
    }
    return { reportSlug: report.slug, claimIds: own, kind: closestKind(kinds) ?? null, conflicts };
  });
  return {
    id: `group-${claimIds[0]}`,
    claimIds,
    reports: cells.filter((cell) => cell.claimIds.length > 0).map((cell) => cell.reportSlug),
    cells,
  };
}

/** Every node connected to `start`, in discovery order. */
function reach(edges: Map<string, Map<string, number>>, start: string): string[] {
  const found = [start];
  const known = new Set(found);
  for (let i = 0; i < found.length; i++) {
    for (const next of edges.get(found[i])!.keys()) {
      if (!known.has(next)) {
        known.add(next);
        found.push(next);
      }
    }
  }
  return found;
}

/** A shortest path longer than `maxHops` between two nodes of the component, or undefined when none is. */
function farPath(edges: Map<string, Map<string, number>>, component: string[]): string[] | undefined {
  for (const from of component) {
    const parent = new Map<string, string | null>([[from, null]]);
    const hops = new Map<string, number>([[from, 0]]);
    const queue = [from];
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i];
      for (const next of edges.get(node)!.keys()) {
        if (hops.has(next)) continue;
        hops.set(next, hops.get(node)! + 1);
        parent.set(next, node);
        queue.push(next);
        if (hops.get(next)! > maxHops) {
          const path = [next];
          for (let step = parent.get(next); step != null; step = parent.get(step)) path.push(step);
          return path;
        }
      }
    }
  }
  return undefined;
}

/** Removes the weakest edge of the path (the first one on ties, so the result never depends on luck). */
function cutWeakest(edges: Map<string, Map<string, number>>, path: string[]): void {
  let weakest = 0;
  for (let i = 1; i < path.length - 1; i++) {
    if (edges.get(path[i])!.get(path[i + 1])! < edges.get(path[weakest])!.get(path[weakest + 1])!) weakest = i;
  }
  edges.get(path[weakest])!.delete(path[weakest + 1]);
  edges.get(path[weakest + 1])!.delete(path[weakest]);
}
