// @ts-check
import { defineConfig } from 'astro/config';

// The site URL makes canonical and Open Graph addresses absolute; deployments set CROSSREAD_SITE.
export default defineConfig({
  site: process.env.CROSSREAD_SITE ?? 'http://localhost:4321',
  output: 'static',
  // Astro's build cache (the incremental build's copies of earlier pages) lives beside the project, not in
  // node_modules/, so copies of the project that link one node_modules (tests, the bench) never share it.
  cacheDir: './.cache/astro',
  experimental: {
    // Pages of a story whose comparison is unchanged are copied from the previous build, not rendered again:
    // their getStaticPaths give a cacheKey (see storyCacheKey in src/data/load-stories.ts).
    incrementalBuild: true,
  },
  vite: {
    build: {
      // Client scripts stay files under /_astro/ (never inlined), so pages carry no inline script.
      assetsInlineLimit: 0,
    },
  },
});
