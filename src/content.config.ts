import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { reportSchema } from './schemas/report.ts';
import { storySchema } from './schemas/story.ts';

const base = './content/stories';

/** One entry per story folder, with the folder name as id. */
const stories = defineCollection({
  loader: glob({
    pattern: '*/story.yaml',
    base,
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: storySchema,
});

/** One entry per report, with `<story folder>/<file name without .md>` as id. */
const reports = defineCollection({
  loader: glob({
    pattern: '*/*.md',
    base,
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
  }),
  schema: reportSchema,
});

export const collections = { stories, reports };
