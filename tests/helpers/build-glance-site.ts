import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildIn, preparedCopy, type BuiltCopy } from './build-fixture-site.ts';
import { projectPaths } from './project-paths.ts';

/** The stories written to test the story at a glance: each folder holds a story.yaml and its reports. */
export const glanceStories = join(projectPaths.root, 'tests', 'fixtures', 'glance');

/**
 * Builds (astro only: these tests read pages, not the search index) a copy of the project with every folder of
 * tests/fixtures/glance/ as a story beside the seed story, and returns where it is (shared and reused: see
 * preparedCopy).
 */
export function buildGlanceSite(): Promise<BuiltCopy> {
  return preparedCopy('glance-site', ['tests/fixtures/glance'], async (work) => {
    for (const story of readdirSync(glanceStories)) {
      cpSync(join(glanceStories, story), join(work, 'content', 'stories', story), { recursive: true });
    }
    await buildIn(work);
  });
}
