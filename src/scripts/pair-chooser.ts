/**
 * Which two reports stand side by side. Every report is in the story page's columns; the two side by side carry
 * `data-side="first"` and `"second"` (PairColumns.astro sets the first pair), and where the columns stand side by
 * side the style sheets show only those two once scripts run (layout.css, `html[data-js]`). This module:
 * - shows the chooser's two selects and its button instead of its links; choosing reports changes nothing until
 *   the button is pressed, then sets that pair (choosing one report twice says so in the form instead);
 * - brings a report the address names (one of its claims or its title) beside the first report shown, when it
 *   is not side by side (through claim-address.ts: an old permalink of any report lands on a visible claim);
 * - marks the section `data-pair-chosen` when the pair is not the first one, since the overview strip draws that
 *   one only (overview.css hides it then; the aligned reading, for phones, where no pair stands side by side,
 *   stays with the first pair and says so), and says `cr-pair-change` on the section so sync-scroll.ts measures
 *   the new columns.
 */
import { onShowView } from './claim-address.ts';

const section = document.querySelector<HTMLElement>('.cr-side-by-side');
const chooser = section?.querySelector<HTMLElement>('.cr-chooser');

if (section && chooser) enhance(section, chooser);

function enhance(section: HTMLElement, chooser: HTMLElement): void {
  const form = chooser.querySelector<HTMLFormElement>('.cr-chooser-form');
  const error = chooser.querySelector<HTMLElement>('.cr-chooser-error');
  const selects = form ? [...form.querySelectorAll<HTMLSelectElement>('select')] : [];
  const reports = [...section.querySelectorAll<HTMLElement>('.cr-columns > .cr-report')];
  const outletOf = (slug: string) => reports.find((report) => report.dataset.report === slug)?.querySelector('.cr-report-outlet')?.textContent ?? slug;
  const sideSlug = (side: string) => reports.find((report) => report.dataset.side === side)?.dataset.report ?? '';
  if (!form || !error || selects.length !== 2) return;

  function setPair(first: string, second: string): void {
    for (const report of reports) {
      const slug = report.dataset.report;
      if (slug === first) report.dataset.side = 'first';
      else if (slug === second) report.dataset.side = 'second';
      else delete report.dataset.side;
    }
    section.toggleAttribute('data-pair-chosen', `${first} ${second}` !== section.dataset.pair);
    selects[0]!.value = first;
    selects[1]!.value = second;
    for (const [side, slug] of [['first', first], ['second', second]] as const) {
      const name = chooser.querySelector(`[data-chooser-outlet="${side}"]`);
      if (name) name.textContent = outletOf(slug);
    }
    section.dispatchEvent(new CustomEvent('cr-pair-change'));
  }

  form.hidden = false;
  chooser.dataset.enhanced = 'true';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const [first = '', second = ''] = selects.map((select) => select.value);
    if (first === second) {
      error.textContent = 'Choose two different reports.';
      return;
    }
    error.textContent = '';
    setPair(first, second);
  });

  onShowView((element) => {
    const slug = element.closest<HTMLElement>('.cr-columns > .cr-report')?.dataset.report;
    if (!slug || slug === sideSlug('first') || slug === sideSlug('second')) return;
    setPair(sideSlug('first'), slug);
  });
}
