import axe from 'axe-core';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG levels the site is held to: 2.2 AA and everything below it. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * What axe-core finds against `wcagTags` on the page as it is now, one readable entry per violation; empty when clean.
 *
 * axe-core is injected into every frame and run from the page itself rather than through
 * @axe-core/playwright, whose `analyze()` opens an extra page for every check: three times slower, which counts
 * when every page is checked in two schemes at two widths.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  for (const frame of page.frames()) {
    await frame.evaluate(axe.source);
    // Frames answer the top page's axe by message; the test pages' own origins are the only ones there are.
    await frame.evaluate(() => (window as unknown as { axe: typeof axe }).axe.configure({ allowedOrigins: ['<unsafe_all_origins>'] }));
  }
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    wcagTags,
  ) as AxeResults;
  return results.violations.map((violation) => {
    const nodes = violation.nodes
      .map((node) => `    at ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
      .join('\n');
    return `[${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
  });
}
