import type { Claim, ClaimGroup, Conflict, DisputedPoint, Glance, Match, SharedCopy } from './types.ts';
import { listsBy } from './lists-by.ts';
import { matchesInside } from './group-claims.ts';
import { claimPlaces, type ClaimPlace } from './claim-places.ts';
import { linkedSets } from './linked-sets.ts';

export interface GlanceReport {
  slug: string;
  /** In reading order. */
  claims: Pick<Claim, 'id' | 'text' | 'repeatOf'>[];
}

/**
 * The story at a glance, from its comparison: the claims every report or most of them carry, every point on
 * which matched claims disagree, and how much each report says alone. Everything is read from the groups, the
 * matches and the shared copies; nothing is written by hand.
 *
 * - Agreed: a group carried by more than half of the reports (and by two at least). Its wording is the group's
 *   shortest claim, by words, that is not the longer side of a part match (it says the claim and no more); a
 *   repeated sentence stands for its first copy. `independent` counts the reports that carry it as one where
 *   their claims in the group all lie in one shared copy.
 * - Disputed: one point per group and set of versions its conflicts link (see linkedVersions), each version once
 *   (as the first report giving it writes it, case and spacing aside), with every report giving it.
 * - Unique: per report, its claims in groups of its own, repeats counted once.
 */
export function atAGlance(reports: GlanceReport[], groups: ClaimGroup[], matches: Match[], sharedCopy: SharedCopy[]): Glance {
  const { place } = claimPlaces(reports);
  const claimOf = new Map(reports.flatMap((report) => report.claims.map((claim) => [claim.id, claim] as const)));
  const groupOf = new Map<string, number>();
  groups.forEach((group, g) => group.claimIds.forEach((id) => groupOf.set(id, g)));
  const inGroup = matchesInside(groups.map((group) => group.claimIds), matches);
  const copyOf = new Map<string, number>();
  sharedCopy.forEach((copy, c) => copy.claims.forEach((id) => copyOf.set(id, c)));

  const agreed = groups
    .map((group, g) => ({ group, g }))
    .filter(({ group }) => group.reports.length >= 2 && group.reports.length * 2 > reports.length)
    .map(({ group, g }) => ({
      group: group.id,
      claim: plainest(group, inGroup[g]!, claimOf),
      reports: group.reports,
      independent: independentCarriers(group, place, copyOf),
      g,
    }))
    .sort((x, y) => y.reports.length - x.reports.length || x.g - y.g)
    .map(({ g: _, ...line }) => line);

  const disputed: DisputedPoint[] = [];
  groups.forEach((group, g) => {
    const conflicts = inGroup[g]!.flatMap((match) => match.conflicts.map((conflict) => ({ match, conflict })));
    const pointOf = linkedVersions(conflicts.map(({ conflict }) => conflict));
    const points = new Map<number, DisputedPoint>();
    conflicts.forEach(({ match, conflict }, k) => {
      const point = points.get(pointOf[k]!) ?? { group: group.id, kind: conflict.kind, versions: [] };
      points.set(pointOf[k]!, point);
      addVersion(point, conflict.a, reports[place.get(match.claims[0])!.report]!.slug, match.claims[0]);
      addVersion(point, conflict.b, reports[place.get(match.claims[1])!.report]!.slug, match.claims[1]);
    });
    for (const point of points.values()) {
      const rank = (slug: string) => reports.findIndex((report) => report.slug === slug);
      for (const version of point.versions) version.reports.sort((x, y) => rank(x) - rank(y));
      point.versions.sort((x, y) => rank(x.reports[0]!) - rank(y.reports[0]!));
      disputed.push(point);
    }
  });

  const unique = reports.map((report) => {
    const alone = report.claims.filter((claim) => claim.repeatOf === undefined && groups[groupOf.get(claim.id)!]!.reports.length === 1);
    return { report: report.slug, count: alone.length, first: alone[0]?.id ?? null };
  });
  return { agreed, disputed, unique };
}

/** The group's claim that states it most plainly (see atAGlance). */
function plainest(group: ClaimGroup, inside: Match[], claimOf: Map<string, Pick<Claim, 'id' | 'text' | 'repeatOf'>>): string {
  const longer = new Set(inside.flatMap((match) => (match.part ? [match.part.claim] : [])));
  const firsts = group.claimIds.filter((id) => claimOf.get(id)!.repeatOf === undefined);
  const plain = firsts.filter((id) => !longer.has(id));
  const pool = (plain.length > 0 ? plain : firsts).map((id) => ({ id, words: claimOf.get(id)!.text.split(/\s+/u).filter(Boolean).length }));
  // Stable: the earliest of the shortest, in the group's order.
  return pool.reduce((best, claim) => (claim.words < best.words ? claim : best)).id;
}

/** The group's carriers, counting as one the reports whose claims in the group all lie in one shared copy. */
function independentCarriers(group: ClaimGroup, place: Map<string, ClaimPlace>, copyOf: Map<string, number>): number {
  const units = new Set<string>();
  const byReport = listsBy(group.claimIds, (id) => [place.get(id)!.report]);
  for (const [report, ids] of byReport) {
    const copies = new Set(ids.map((id) => copyOf.get(id)));
    const [copy] = copies;
    units.add(copies.size === 1 && copy !== undefined ? `copy ${copy}` : `report ${report}`);
  }
  return units.size;
}

/** A version's text as two reports' versions are compared: case and spacing aside. */
const versionKey = (text: string) => text.toLowerCase().replace(/\s+/gu, ' ').trim();

/**
 * For each conflict, in order, the point it belongs to: conflicts of one kind whose versions link them, directly
 * or through others ("95" against "100", "100" against "98"), are one point, named by its first conflict's
 * index. A group whose claims disagree on two things (passengers on board, and the dead) has two points, so no
 * point sets a count of passengers against a death toll.
 */
function linkedVersions(conflicts: readonly Conflict[]): number[] {
  const versions = linkedSets<string>();
  const nodes = conflicts.map((conflict) => [conflict.a, conflict.b].map((text) => `${conflict.kind} ${versionKey(text)}`));
  for (const [a, b] of nodes) versions.join(a!, b!);
  const first = new Map<string, number>();
  return nodes.map(([a], k) => {
    const set = versions.setOf(a!);
    if (!first.has(set)) first.set(set, k);
    return first.get(set)!;
  });
}

function addVersion(point: DisputedPoint, text: string, report: string, claim: string): void {
  const version = point.versions.find((v) => versionKey(v.text) === versionKey(text));
  if (!version) point.versions.push({ text, reports: [report], claim });
  else if (!version.reports.includes(report)) version.reports.push(report);
}
