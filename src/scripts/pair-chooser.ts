/**
 * Pair chooser enhancement: shows the chooser's two selects and its button instead of its list of links.
 * Choosing reports changes nothing until the button is pressed; it then opens the page of that pair (in
 * either order), whose address it takes from the list's links (`data-pair="<first> <second>"`).
 * Choosing the same report twice says so in the form instead of navigating.
 */
for (const chooser of document.querySelectorAll<HTMLElement>('.cr-chooser')) {
  const form = chooser.querySelector<HTMLFormElement>('.cr-chooser-form');
  const error = chooser.querySelector<HTMLElement>('.cr-chooser-error');
  if (!form || !error) continue;
  const hrefs = new Map<string, string>();
  for (const link of chooser.querySelectorAll<HTMLAnchorElement>('a[data-pair]')) {
    const [first = '', second = ''] = (link.dataset.pair ?? '').split(' ');
    hrefs.set(`${first} ${second}`, link.href);
    hrefs.set(`${second} ${first}`, link.href);
  }
  form.hidden = false;
  chooser.dataset.enhanced = 'true';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const first = String(data.get('first') ?? '');
    const second = String(data.get('second') ?? '');
    const href = hrefs.get(`${first} ${second}`);
    if (first === second || !href) {
      error.textContent = 'Choose two different reports.';
      return;
    }
    error.textContent = '';
    window.location.assign(href);
  });
}
