/**
 * `npm run --silent match-pairs < pairs.tsv`: decides, for each `s1<TAB>s2` line on standard input (no
 * header), whether the two sentences state the same claim, and prints `1` or `0`, a tab, the score (the
 * calibrated probability), a tab and the kind the site would label the match with (`verbatim`, `edited`,
 * `paraphrase`, `part`; `none` for no match), one line per input line, in input order. `1` means the site would
 * show the two as the same claim; a `part` match (one sentence says the other's claim within more) prints `0`,
 * since the two sentences do not say the same as wholes. It prepares and scores each pair exactly as the site's
 * alignment does (prepareClaim with the word vectors + scoreClaims, see align-claims.ts, then findPart and
 * labelMatch as compare-story.ts), so a pair's answer depends on that pair alone.
 * `--lang <tag>` sets the language (default `en`). A line without exactly one tab stops the run with an error
 * naming the line, exit code 1. Empty lines are skipped; a trailing carriage return is ignored.
 */
import { createInterface } from 'node:readline';
import { prepareClaim } from '../src/pipeline/prepare-claim.ts';
import { scoreClaims } from '../src/pipeline/score-claims.ts';
import { findPart } from '../src/pipeline/find-part.ts';
import { labelMatch } from '../src/pipeline/label-match.ts';
import { loadWordVectors } from '../src/build/word-vectors-file.ts';

const argv = process.argv.slice(2);
const langAt = argv.indexOf('--lang');
const lang = langAt >= 0 && argv[langAt + 1] ? argv[langAt + 1] : 'en';

const vectors = loadWordVectors();
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
let lineNumber = 0;
let buffer: string[] = [];
const flush = () => {
  if (buffer.length > 0) process.stdout.write(buffer.join(''));
  buffer = [];
};
for await (const raw of lines) {
  lineNumber++;
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (line === '') continue;
  const tab = line.indexOf('\t');
  if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
    flush();
    const found = tab < 0 ? 'no tab' : 'more than one tab';
    console.error(`match-pairs: line ${lineNumber} has ${found}; expected "sentence one<TAB>sentence two".`);
    process.exit(1);
  }
  const [s1, s2] = [line.slice(0, tab), line.slice(tab + 1)];
  const [a, b] = [prepareClaim(s1, lang, undefined, vectors), prepareClaim(s2, lang, undefined, vectors)];
  const { match, score } = scoreClaims(a, b);
  const kind = !match ? 'none' : findPart(a, b) ? 'part' : labelMatch(s1, s2, lang);
  buffer.push(`${match && kind !== 'part' ? 1 : 0}\t${score.toFixed(4)}\t${kind}\n`);
  if (buffer.length >= 256) flush();
}
flush();
