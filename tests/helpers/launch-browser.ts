import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { startStaticServer } from './start-static-server.ts';

/** Debian's Chromium: browser downloads are not possible where these tests run. */
export const chromiumPath = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface Site {
  origin: string;
  browser: Browser;
  /** Absolute URL of a site path. */
  url(path: string): string;
  /**
   * A fresh context and page. Console errors and uncaught exceptions of the page are collected in
   * `errors`, so a test can assert a page ran cleanly.
   */
  open(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/** Serves `root` (dist/ unless told) on a free port and launches Chromium; call `close()` in an `after` hook. */
export async function startSite(root?: string): Promise<Site> {
  const server = await startStaticServer(root);
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    origin: server.origin,
    browser,
    url: (path) => new URL(path, server.origin).href,
    async open(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const source = message.location().url;
        errors.push(`console error at ${page.url()}: ${message.text()}${source ? ` (${source})` : ''}`);
      });
      page.on('pageerror', (error) => errors.push(`uncaught exception at ${page.url()}: ${error.message}`));
      return { context, page, errors };
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close().catch(() => {})));
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Waits until the element with this id is on screen: its top within the viewport, or with `whole` all of it.
 * Scrolling may be smooth, so this waits rather than checks once.
 */
export async function waitInViewport(page: Page, id: string, { whole = false } = {}): Promise<void> {
  await page.waitForFunction(
    ({ claimId, whole }) => {
      const box = document.getElementById(claimId)?.getBoundingClientRect();
      return Boolean(box && box.height > 0 && box.top >= 0 && (whole ? box.bottom <= window.innerHeight : box.top < window.innerHeight));
    },
    { claimId: id, whole },
    { timeout: 5_000 },
  );
}
