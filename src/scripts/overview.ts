/**
 * Marks, on each track of the overview strip (OverviewStrip.astro), the part of its report now in the viewport:
 * the `.cr-overview-view` box of a track spans the segments of the claims in view and is hidden when none is.
 * Segments are plain links to their claims, so clicking one scrolls there by the page's own rules (smooth unless
 * the reader prefers reduced motion, see base.css) and story-page.ts highlights the claim.
 */

interface TrackView {
  box: SVGRectElement;
  /** Top and bottom of each claim's segment, in the strip's coordinates, by claim id. */
  spans: Map<string, { top: number; bottom: number }>;
}

function number(element: Element, name: string): number {
  return Number(element.getAttribute(name) ?? 0);
}

function setUp(strip: Element): void {
  const tracks: TrackView[] = [];
  for (const group of strip.querySelectorAll('.cr-overview-report')) {
    const box = group.querySelector<SVGRectElement>('.cr-overview-view');
    if (!box) continue;
    const spans = new Map<string, { top: number; bottom: number }>();
    for (const segment of group.querySelectorAll<SVGAElement>('.cr-overview-segment[data-claim]')) {
      const rect = segment.querySelector('rect');
      if (!rect) continue;
      const top = number(rect, 'y');
      spans.set(segment.dataset.claim!, { top, bottom: top + number(rect, 'height') });
    }
    tracks.push({ box, spans });
  }
  const visible = new Set<string>();
  let queued = false;

  function draw(): void {
    queued = false;
    for (const { box, spans } of tracks) {
      let top = Infinity;
      let bottom = -Infinity;
      for (const id of visible) {
        const span = spans.get(id);
        if (!span) continue;
        top = Math.min(top, span.top);
        bottom = Math.max(bottom, span.bottom);
      }
      if (top > bottom) {
        box.setAttribute('visibility', 'hidden');
        continue;
      }
      box.setAttribute('y', String(top));
      box.setAttribute('height', String(bottom - top));
      box.setAttribute('visibility', 'visible');
    }
  }

  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) visible.add(entry.target.id);
      else visible.delete(entry.target.id);
    }
    if (!queued) {
      queued = true;
      requestAnimationFrame(draw);
    }
  });
  for (const { spans } of tracks) {
    for (const id of spans.keys()) {
      const claim = document.getElementById(id);
      if (claim) observer.observe(claim);
    }
  }
}

for (const strip of document.querySelectorAll('[data-overview]')) setUp(strip);
