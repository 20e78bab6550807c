import { z } from 'zod';

const entry = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'a claim id is lower-case letters, digits and hyphens' }),
  text: z.string().min(1, { error: 'a recorded claim text must not be empty' }),
  before: z.string(),
  after: z.string(),
  earlier: z.array(z.string().min(1)).min(1).optional(),
});

/**
 * `content/stories/<story>/claim-ledger.json`: every claim id the story has published (see
 * src/pipeline/anchor-claims.ts). The build writes it; people commit it and never need to edit it.
 * - `reports`: by report file name, the report's `outlet` and `title`, its current `claims` in reading order
 *   and the `removed` ones, each `{ id, text, before, after, earlier? }`.
 * Ids must be unique across the whole story, since each is a page address.
 */
export const ledgerSchema = z
  .strictObject({
    about: z.string().optional(),
    reports: z.record(
      z.string().min(1),
      z.strictObject({ outlet: z.string().min(1), title: z.string().min(1), claims: z.array(entry), removed: z.array(entry) }),
    ),
  })
  .superRefine((ledger, context) => {
    const seen = new Set<string>();
    for (const [slug, report] of Object.entries(ledger.reports)) {
      for (const { id } of [...report.claims, ...report.removed]) {
        if (seen.has(id)) context.addIssue({ code: 'custom', message: `claim id "${id}" appears twice`, path: ['reports', slug] });
        seen.add(id);
      }
    }
  });
