// @ts-check
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { searchIndex } from './src/build/search-index-integration.ts';

// The one inline script of the site (BaseLayout.astro puts it first in every <body>): Astro does not hash inline
// scripts itself, so the policy lists the hash of the file's exact text.
const schemeBeforePaint = readFileSync(new URL('./src/scripts/scheme-before-paint.js', import.meta.url), 'utf8');
/** @type {`sha256-${string}`} */
const schemeBeforePaintHash = `sha256-${createHash('sha256').update(schemeBeforePaint).digest('base64')}`;

// The site URL makes canonical and Open Graph addresses absolute; deployments set CROSSREAD_SITE.
export default defineConfig({
  site: process.env.CROSSREAD_SITE ?? 'http://localhost:4321',
  output: 'static',
  // The search index of every claim is built beside the pages, into dist/pagefind/.
  integrations: [searchIndex()],
  // Reports hold no code to highlight, and Shiki's inline styles would break the CSP (Astro warns on every build).
  markdown: { syntaxHighlight: false },
  // Astro's build cache (the incremental build's copies of earlier pages) lives beside the project, not in
  // node_modules/, so copies of the project that link one node_modules (tests, the bench) never share it.
  cacheDir: './.cache/astro',
  security: {
    // One policy for every page, as a <meta> tag (a static host may send no headers). Astro adds the hash of
    // every script and style it emits; nothing inline runs otherwise, and nothing loads from another host.
    // Pagefind's search runs as WebAssembly, hence 'wasm-unsafe-eval' (compiling wasm, not evaluating strings).
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [schemeBeforePaintHash] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  experimental: {
    // Pages of a story whose comparison is unchanged are copied from the previous build, not rendered again:
    // their getStaticPaths give a cacheKey (see storyCacheKey in src/build/load-stories.ts).
    incrementalBuild: true,
  },
  vite: {
    build: {
      // Client scripts stay files under /_astro/ (never inlined), so pages carry no inline script.
      assetsInlineLimit: 0,
    },
  },
});
