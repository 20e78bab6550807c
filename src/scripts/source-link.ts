/**
 * Points a claim's "Read it at the source" link (ClaimDetail.astro, `a.cr-source-link`, the report's URL) at the
 * claim's very sentence: a text fragment (text-fragment.ts) that a browser follows to that sentence in the
 * outlet's page. Built from the claim's report as the page shows it, its claims in reading order, when the
 * claim's detail opens (the link is inside it), once per detail. Without JavaScript the link opens the report.
 */
import { textFragment, withTextFragment } from '../pipeline/text-fragment.ts';

export function linkToSentence(detail: HTMLElement): void {
  const link = detail.querySelector<HTMLAnchorElement>('a.cr-source-link');
  const claim = document.getElementById(detail.dataset.detailOf ?? '');
  const report = claim?.closest('.cr-report');
  if (!link || !claim || !report || link.dataset.sentence) return;
  const claims = [...report.querySelectorAll<HTMLElement>('.cr-claim')];
  const texts = claims.map((element) => element.querySelector('.cr-claim-text')?.textContent ?? '');
  link.href = withTextFragment(link.getAttribute('href') ?? '', textFragment(texts, claims.indexOf(claim)));
  link.dataset.sentence = 'true';
}
