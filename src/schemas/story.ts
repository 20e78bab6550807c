import { z } from 'zod';
import { dayField, fieldError, objectError } from './field-errors.ts';

/**
 * `content/stories/<story>/story.yaml`: the event that several reports cover.
 * - `title` (required): a neutral headline for the event, shown on the home page and as the story page's `<h1>`.
 * - `summary` (required): one or two sentences saying what happened.
 * - `date` (required): the day of the event, `YYYY-MM-DD`, a real calendar day; stories are listed newest first.
 */
export const storySchema = z.strictObject(
  {
    title: z
      .string({
        error: fieldError(
          'title is required: write a short, neutral headline for the event',
          'title must be text: write a short, neutral headline for the event, in quotes if it looks like a number',
        ),
      })
      .trim()
      .min(1, { error: 'title must not be empty: write a short, neutral headline for the event' }),
    summary: z
      .string({
        error: fieldError(
          'summary is required: write one or two sentences saying what happened',
          'summary must be text: write one or two sentences saying what happened',
        ),
      })
      .trim()
      .min(1, { error: 'summary must not be empty: write one or two sentences saying what happened' }),
    date: dayField(
      'date is required: write the day of the event as YYYY-MM-DD (for example 2021-09-10)',
      'date must be the day of the event, written as YYYY-MM-DD (for example 2021-09-10)',
    ),
  },
  { error: objectError(['title', 'summary', 'date']) },
);

export type StoryData = z.infer<typeof storySchema>;
