import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute paths of the places tests read from; tests never depend on the working directory. */
export const projectPaths = (() => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return {
    root,
    dist: join(root, 'dist'),
    stories: join(root, 'content', 'stories'),
    bin: join(root, 'node_modules', '.bin'),
  };
})();
