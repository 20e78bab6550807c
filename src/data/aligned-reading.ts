/** What the aligned sequence needs of a claim: its id and the ids of the claims, in any report, that match it. */
export interface AlignedClaim {
  id: string;
  counterparts: readonly string[];
}

/** One report of the pair: its slug and its claims in reading order. */
export interface AlignedReport<C extends AlignedClaim> {
  slug: string;
  claims: readonly C[];
}

/**
 * Why a claim stands where it does in the sequence:
 * - `first`: a claim of the first report, in that report's reading order;
 * - `match`: a claim of the second report, right after the claim of the first report it matches (`matchOf`);
 * - `follow`: a claim of the second report that matches nothing in the first, right after the claim before it
 *   in its own report;
 * - `opening`: a claim of the second report that comes before any of that report's matched claims.
 */
export type AlignedPlacement = 'first' | 'match' | 'follow' | 'opening';

export interface AlignedEntry<C extends AlignedClaim> {
  claim: C;
  /** Position of the claim's report in the pair: 0 for the first, 1 for the second. */
  side: 0 | 1;
  placement: AlignedPlacement;
  /** For `match`: id of the claim of the first report this one is placed after. */
  matchOf?: string;
}

/**
 * The claims of two reports as one sequence, every claim exactly once, for reading both where they cannot
 * stand side by side. The rule:
 * 1. The first report's claims come in its reading order.
 * 2. Right after each of them come the claims of the second report that match it and are not placed yet, in
 *    the second report's reading order (a claim matching several claims of the first report follows the
 *    earliest of them).
 * 3. A claim of the second report that matches nothing in the first comes right after the claim before it in
 *    its own report, wherever that one was placed: a run of unmatched sentences stays with the sentence it
 *    follows.
 * 4. The second report's claims before its first matched claim (its opening) come, in order, right before the
 *    claim of the first report that this first matched claim follows; when the second report matches nothing
 *    in the first, they come after all of the first report.
 * Only matches between the two reports count: counterparts in other reports of the story are ignored.
 */
export function alignedSequence<C extends AlignedClaim>(pair: readonly [AlignedReport<C>, AlignedReport<C>]): AlignedEntry<C>[] {
  const [first, second] = pair;
  const firstIds = new Set(first.claims.map((claim) => claim.id));
  const secondOrder = new Map(second.claims.map((claim, index) => [claim.id, index]));
  // Matches are read from both sides, so a link recorded on one claim only still counts.
  const matchesOf = new Map<string, Set<string>>(first.claims.map((claim) => [claim.id, new Set()]));
  for (const claim of first.claims) {
    for (const id of claim.counterparts) if (secondOrder.has(id)) matchesOf.get(claim.id)!.add(id);
  }
  for (const claim of second.claims) {
    for (const id of claim.counterparts) if (firstIds.has(id)) matchesOf.get(id)!.add(claim.id);
  }
  const matched = new Set([...matchesOf.values()].flatMap((ids) => [...ids]));

  const opening: C[] = [];
  const runs = new Map<string, C[]>();
  let run = opening;
  for (const claim of second.claims) {
    if (matched.has(claim.id)) runs.set(claim.id, (run = []));
    else run.push(claim);
  }
  const firstMatched = second.claims.find((claim) => matched.has(claim.id));
  const anchor = firstMatched && first.claims.find((claim) => matchesOf.get(claim.id)!.has(firstMatched.id));

  const sequence: AlignedEntry<C>[] = [];
  const placed = new Set<string>();
  const placeOpening = () => {
    for (const claim of opening) sequence.push({ claim, side: 1, placement: 'opening' });
  };
  for (const claim of first.claims) {
    if (claim === anchor) placeOpening();
    sequence.push({ claim, side: 0, placement: 'first' });
    const ids = [...matchesOf.get(claim.id)!].filter((id) => !placed.has(id)).sort((a, b) => secondOrder.get(a)! - secondOrder.get(b)!);
    for (const id of ids) {
      placed.add(id);
      sequence.push({ claim: second.claims[secondOrder.get(id)!]!, side: 1, placement: 'match', matchOf: claim.id });
      for (const follower of runs.get(id) ?? []) sequence.push({ claim: follower, side: 1, placement: 'follow' });
    }
  }
  if (!anchor) placeOpening();
  return sequence;
}
