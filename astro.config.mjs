// @ts-check
import { defineConfig } from 'astro/config';

// The site URL makes canonical and Open Graph addresses absolute; deployments set CROSSREAD_SITE.
export default defineConfig({
  site: process.env.CROSSREAD_SITE ?? 'http://localhost:4321',
  output: 'static',
  vite: {
    build: {
      // Client scripts stay files under /_astro/ (never inlined), so pages carry no inline script.
      assetsInlineLimit: 0,
    },
  },
});
