/**
 * Reads the MSR paraphrase corpus's training split (`label<TAB>s1<TAB>s2` with a header row) for
 * scripts/train-matcher.ts and scripts/eval.ts, and splits it the one way both use.
 *
 * The corpus is licensed for non-commercial use only: it is read from `shared/` beside the repository and
 * never copied into the project, nor is anything derived from its sentences except the model's few weights.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface MsrpPair {
  /** 1 = the corpus's judges found the sentences semantically equivalent. */
  label: 0 | 1;
  s1: string;
  s2: string;
  /** Held-out pairs (about 20%) are never used to fit weights or choose thresholds. */
  heldOut: boolean;
  /** Cross-validation fold (0-4) of a pair of the fit part. */
  fold: number;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the corpus is: `--msrp <path>` on the command line, else $MSRP_TRAIN, else ../shared/data/msrp/. */
export function msrpPath(argv = process.argv.slice(2)): string {
  const flag = argv.indexOf('--msrp');
  if (flag >= 0 && argv[flag + 1]) return resolve(argv[flag + 1]);
  return resolve(root, process.env.MSRP_TRAIN ?? '../shared/data/msrp/msrp_train.tsv');
}

/**
 * The corpus's pairs with their split. A pair is held out when the FNV-1a hash of `s1<TAB>s2` is divisible
 * by 5; the fit part's folds come from the same hash, so the split depends on nothing but the pair's text.
 */
export function readMsrp(path: string): MsrpPair[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`Cannot read the MSRP corpus at ${path}: pass its path with --msrp <path> or MSRP_TRAIN.`);
  }
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.slice(1).map((line, i) => {
    const [label, s1, s2] = line.split('\t');
    if (s2 === undefined || (label !== '0' && label !== '1')) {
      throw new Error(`${path}:${i + 2}: expected "label<TAB>s1<TAB>s2" with label 0 or 1.`);
    }
    const hash = fnv1a(`${s1}\t${s2}`);
    return { label: label === '1' ? 1 : 0, s1, s2, heldOut: hash % 5 === 0, fold: Math.floor(hash / 5) % 5 };
  });
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
