import type { Interface } from 'node:readline/promises';

/**
 * Asks on the terminal for each field in `fields` that `values` lacks, in order, and returns the values with
 * the answers added. An answer `check` refuses is explained and asked again; an empty answer leaves the field
 * missing, so the author can stop and fill it in the file later. When the input ends (Ctrl-D), every field
 * not yet answered is left missing. Why an answer was refused goes to `explain` (standard error by default).
 */
export async function askFields<Field extends string>(
  rl: Interface,
  values: Partial<Record<Field, string>>,
  fields: readonly Field[],
  questions: Record<string, string>,
  check: (field: Field, value: string) => { value: string } | { problem: string },
  explain: (problem: string) => void = (problem) => console.error(`  ${problem}`),
): Promise<Partial<Record<Field, string>>> {
  const answered = { ...values };
  // Lines are read through the interface's iterator, which keeps lines that arrive before their question
  // (pasted answers); `rl.question` would drop them.
  const lines = rl[Symbol.asyncIterator]();
  for (const field of fields) {
    while (answered[field] === undefined) {
      rl.setPrompt(`${field} (${questions[field] ?? field}; empty to skip): `);
      rl.prompt();
      const line = await lines.next();
      if (line.done) return answered;
      const answer = String(line.value).trim();
      if (answer === '') break;
      const checked = check(field, answer);
      if ('problem' in checked) explain(checked.problem);
      else answered[field] = checked.value;
    }
  }
  return answered;
}
