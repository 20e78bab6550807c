/**
 * The bench's baseline: the smallest honest Astro site over the same report files, one page per report
 * rendered from its markdown through a content collection, with no comparison, no story pages and no search.
 * `writePlainAstroSite(folder, storiesFolder)` writes it; `node_modules` is linked by the caller.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'crossread-plain-baseline', private: true, type: 'module' }, null, 2),
  'astro.config.mjs': "import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static', cacheDir: './.cache/astro' });\n",
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const reports = defineCollection({
  loader: glob({ pattern: '*/*.md', base: './content/stories', generateId: ({ entry }) => entry.replace(/\\.md$/, '') }),
  schema: z.object({ title: z.string(), outlet: z.string(), url: z.string().url(), published: z.coerce.date() }),
});

export const collections = { reports };
`,
  'src/pages/[...report].astro': `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const reports = await getCollection('reports');
  return reports.map((report) => ({ params: { report: report.id }, props: { report } }));
}

const { report } = Astro.props;
const { Content } = await render(report);
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{report.data.title}</title></head>
  <body><main><h1>{report.data.title}</h1><p>{report.data.outlet}</p><Content /></main></body>
</html>
`,
};

export function writePlainAstroSite(folder: string, storiesFolder: string): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  mkdirSync(join(folder, 'content'), { recursive: true });
  symlinkSync(storiesFolder, join(folder, 'content', 'stories'), 'dir');
}
