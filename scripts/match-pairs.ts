/**
 * `npm run --silent match-pairs < pairs.tsv`: decides, for each `s1<TAB>s2` line on standard input (no
 * header), whether the two sentences state the same claim, and prints `1` or `0`, a tab and the score, one
 * line per input line, in input order. It prepares and scores each pair exactly as the site's alignment does
 * (prepareClaim + scoreClaims, see align-claims.ts), so a pair's answer depends on that pair alone.
 * `--lang <tag>` sets the language (default `en`). A line without exactly one tab stops the run with an error
 * naming the line, exit code 1. Empty lines are skipped; a trailing carriage return is ignored.
 */
import { createInterface } from 'node:readline';
import { prepareClaim } from '../src/pipeline/prepare-claim.ts';
import { scoreClaims } from '../src/pipeline/score-claims.ts';

const argv = process.argv.slice(2);
const langAt = argv.indexOf('--lang');
const lang = langAt >= 0 && argv[langAt + 1] ? argv[langAt + 1] : 'en';

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
  const { match, score } = scoreClaims(prepareClaim(line.slice(0, tab), lang), prepareClaim(line.slice(tab + 1), lang));
  buffer.push(`${match ? 1 : 0}\t${score.toFixed(4)}\n`);
  if (buffer.length >= 256) flush();
}
flush();
