import { announce } from './announce.ts';

/**
 * The home page's sort control: shows it (it is hidden until this script runs, since it does nothing without
 * it) and, on a change, puts the story cards in the chosen order by the places the page wrote on them
 * (`data-rank-<order>`, see story-order.ts), announcing the new order politely.
 */
const control = document.querySelector<HTMLElement>('[data-story-sort]');
const select = control?.querySelector('select');
const list = document.querySelector<HTMLElement>('[data-story-list]');

if (control && select && list) {
  control.hidden = false;
  select.addEventListener('change', () => {
    const rank = (card: Element) => Number(card.getAttribute(`data-rank-${select.value}`));
    list.append(...[...list.children].sort((x, y) => rank(x) - rank(y)));
    announce(`Stories listed ${select.selectedOptions[0]?.textContent?.toLowerCase() ?? ''}.`);
  });
}
