import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromiumPath } from './launch-browser.ts';

/** The categories the tests hold to a score; performance is measured by the bench, not judged here. */
export const lighthouseCategories = ['accessibility', 'best-practices', 'seo'] as const;

/** The page-speed measurements the bench reports beside Lighthouse's performance score. */
export const lighthouseMetrics = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
] as const;
export type LighthouseMetric = (typeof lighthouseMetrics)[number];

export interface LighthouseResult {
  /** Score from 0 to 1 of each category audited. */
  scores: Record<string, number>;
  /** Every scored audit of those categories that did not pass, with what Lighthouse says about it. */
  failing: string[];
  /** The measurements (milliseconds; layout shift unitless) when the performance category was audited. */
  metrics: Partial<Record<LighthouseMetric, number>>;
}

export interface LighthouseBrowser {
  /**
   * Runs Lighthouse (its default, mobile settings with simulated throttling) on `url` in a new tab of the
   * shared Chromium, for `categories` (by default the three the tests hold to a score).
   */
  audit(url: string, categories?: readonly string[]): Promise<LighthouseResult>;
  close(): Promise<void>;
}

/** A Lighthouse item's details in one line each, so a failure says which element or URL to fix. */
function describeItems(details: unknown): string[] {
  const items = (details as { items?: unknown[] } | undefined)?.items ?? [];
  return items.slice(0, 10).map((item) => {
    const record = item as Record<string, unknown>;
    const node = record.node as { snippet?: string; selector?: string } | undefined;
    const parts = [node?.selector, node?.snippet, record.url, record.description, record.source, record.sourceLocation, record.explanation]
      .filter((part) => part !== undefined && part !== '')
      .map((part) => (typeof part === 'string' ? part : JSON.stringify(part)));
    return `      ${parts.join(' | ').slice(0, 400)}`;
  });
}

/**
 * Starts Debian's Chromium (headless, no background networking, a throwaway profile) with a DevTools port for
 * Lighthouse to drive; Lighthouse reaches nothing but the URLs it is given and their origin's robots.txt.
 */
export async function startLighthouseBrowser(): Promise<LighthouseBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'crossread-lighthouse-'));
  const chromium = spawn(
    chromiumPath,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--no-first-run',
      '--no-default-browser-check',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      'about:blank',
    ],
    // Its own process group, so closing it ends its helper processes too, not only the browser.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  async function stop() {
    if (chromium.pid !== undefined && chromium.exitCode === null && chromium.signalCode === null) {
      const exited = new Promise((resolve) => chromium.once('exit', resolve));
      process.kill(-chromium.pid, 'SIGTERM');
      await exited;
    }
    // A helper may still be writing to the profile for a moment after the browser is gone.
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
  // Port 0 lets Chromium pick a free port, which it announces on stderr.
  const announced = new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium announced no DevTools port:\n${output}`)), 30_000);
    chromium.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    });
    chromium.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Chromium could not start from ${chromiumPath}: ${error.message} (npm test installs it)`));
    });
    chromium.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before announcing its DevTools port:\n${output}`));
    });
  });
  const port = await announced.catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  chromium.stderr.resume();

  return {
    async audit(url, categories = lighthouseCategories) {
      const result = await lighthouse(url, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...categories],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const scores: Record<string, number> = {};
      const failing: string[] = [];
      const metrics: LighthouseResult['metrics'] = {};
      for (const id of lighthouseMetrics) {
        const value = lhr.audits[id]?.numericValue;
        if (value !== undefined) metrics[id] = value;
      }
      for (const id of categories) {
        const category = lhr.categories[id];
        scores[id] = category?.score ?? 0;
        for (const ref of category?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
          failing.push(
            [`  ${id} / ${audit.id} (score ${audit.score}, weight ${ref.weight}): ${audit.title}`, audit.explanation ? `    ${audit.explanation}` : '', ...describeItems(audit.details)]
              .filter(Boolean)
              .join('\n'),
          );
        }
      }
      return { scores, failing, metrics };
    },
    close: stop,
  };
}
