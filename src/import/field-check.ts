import type { z } from 'zod';
import { writtenDay } from '../schemas/field-errors.ts';

/** What checking a field's value gives: the value to write, or what is wrong with it. */
export type FieldCheck = { value: string } | { problem: string };

/**
 * Checks one frontmatter value the way the build will, against `rule` (the field's schema), and returns it
 * trimmed or the schema's own message. A day field (given `dayProblem`) must be a real day written
 * `YYYY-MM-DD`, nothing else: the importer writes it as it is, so it is held to the form the file keeps.
 */
export function checkFieldValue(rule: z.ZodType, field: string, value: string, dayProblem?: string): FieldCheck {
  const trimmed = value.trim();
  if (dayProblem !== undefined) return writtenDay(trimmed) ? { value: trimmed } : { problem: dayProblem };
  const result = rule.safeParse(trimmed);
  if (!result.success) return { problem: result.error.issues[0]?.message ?? `${field} is not valid` };
  return { value: typeof result.data === 'string' ? result.data : trimmed };
}

/** The `required` fields that have no value yet, in the order given. */
export function missingFields<Field extends string>(required: readonly Field[], fields: Partial<Record<Field, string>>): Field[] {
  return required.filter((field) => fields[field] === undefined);
}
