import { outletList, overlapFigures, type StoryCardInput } from './story-card.ts';

/**
 * The text alternative of a story's card: what the card shows, with every name as written (the image may
 * replace text its fonts cannot draw; the alt never does): "Crossread card: “<title>”. Outlet A and Outlet B.
 * 18 of 29 claims shared, 11 only in one report."
 */
export function storyCardAlt(input: StoryCardInput): string {
  const figures = overlapFigures(input);
  const overlap = input.claims === 0 ? figures.shared : `${figures.shared}, ${figures.unique}`;
  return `${input.siteName} card: “${input.title}”. ${outletList(input.outlets.map((outlet) => outlet.name))}. ${overlap}.`;
}
