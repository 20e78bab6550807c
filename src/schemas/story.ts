import { z } from 'zod';
import { fieldError, objectError } from './field-errors.ts';

/**
 * `content/stories/<story>/story.yaml`: the event that several reports cover.
 * - `title` (required): a neutral headline for the event, shown on the home page and as the story page's `<h1>`.
 * - `summary` (required): one or two sentences saying what happened.
 * - `date` (required): the day of the event, `YYYY-MM-DD`; stories are listed newest first.
 */
export const storySchema = z.strictObject(
  {
    title: z
      .string({ error: fieldError('title is required: write a short, neutral headline for the event') })
      .trim()
      .min(1, { error: 'title must not be empty: write a short, neutral headline for the event' }),
    summary: z
      .string({ error: fieldError('summary is required: write one or two sentences saying what happened') })
      .trim()
      .min(1, { error: 'summary must not be empty: write one or two sentences saying what happened' }),
    date: z.coerce.date({
      error: 'date is required and must be the day of the event written as YYYY-MM-DD (for example 2021-09-10)',
    }),
  },
  { error: objectError(['title', 'summary', 'date']) },
);

export type StoryData = z.infer<typeof storySchema>;
