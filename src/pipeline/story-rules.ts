import { newClaimId } from './claim-ids.ts';
import type { ReportInput } from './types.ts';

/** Most reports one story may hold: every pair is aligned, and the story page sets any two side by side. */
export const maxReports = 10;

/** A broken rule: in the report file `source`, or in the story's folder when there is none. */
export interface RuleProblem {
  source?: string;
  message: string;
}

/**
 * The rules a story's set of reports keeps, stated once: check-stories.ts lists every problem with its file
 * before the build compares anything, and compareStory refuses a story that breaks one. A story compares two to
 * `maxReports` reports, and no two report files may give the same claim ids (`bbc.md` and `BBC.md`,
 * `the-times.md` and `the_times.md`: ids keep only a name's ASCII letters and digits, see newClaimId), which
 * would give two claims one id.
 */
export function storyRuleProblems(reports: readonly Pick<ReportInput, 'slug' | 'source'>[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const count = reports.length;
  if (count === 0) {
    problems.push({ message: 'the story has no report: add at least two report files (one per outlet, such as bbc.md) beside story.yaml' });
  } else if (count === 1) {
    problems.push({ message: `the story has only one report (${fileName(reports[0]!.source)}): add at least one more report of the same event, since a story compares two or more` });
  } else if (count > maxReports) {
    problems.push({ message: `the story has ${count} reports, but a story holds at most ${maxReports}: move some report files out of the folder, or split the story in two` });
  }
  const first = new Map<string, string>();
  for (const report of [...reports].sort((a, b) => (a.source < b.source ? -1 : 1))) {
    // Two slugs give one id to every text exactly when they give one id to any text.
    const key = newClaimId(report.slug, '', new Set());
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, report.source);
      continue;
    }
    problems.push({
      source: report.source,
      message:
        `the file name gives the same claim ids as ${fileName(earlier)} (ids keep only the ASCII letters and digits of a name, in lower case): ` +
        'rename one of the two files so their names differ in letters or digits, such as bbc-update.md',
    });
  }
  return problems;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}
