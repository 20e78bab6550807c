import { storySchema } from '../schemas/story.ts';
import { checkFieldValue, missingFields, type FieldCheck } from './field-check.ts';
import { yamlFields } from './yaml-fields.ts';

/** `story.yaml` as new-story gathers it, every value a string as it will be written. */
export interface StoryFields {
  title?: string;
  summary?: string;
  date?: string;
}

export type StoryField = keyof StoryFields;

/** All three are required, in the order the file lists them. */
export const STORY_FIELDS: readonly StoryField[] = ['title', 'summary', 'date'];

export const STORY_FIELD_QUESTIONS: Record<string, string> = {
  title: 'a short, neutral headline for the event',
  summary: 'one or two sentences saying what happened',
  date: 'the day of the event, as YYYY-MM-DD',
};

/** `content/stories/<story>/story.yaml`, with the fields given; missing ones are left out so the build names them. */
export function storyFile(fields: StoryFields): string {
  return yamlFields(Object.fromEntries(STORY_FIELDS.map((field) => [field, fields[field]])), ['date']);
}

export function missingStoryFields(fields: StoryFields): StoryField[] {
  return missingFields(STORY_FIELDS, fields);
}

/** Checks one field against storySchema; returns the value to write or the schema's message. */
export function checkStoryField(field: StoryField, value: string): FieldCheck {
  const dayProblem = field === 'date' ? 'date must be the day of the event, written as YYYY-MM-DD (for example 2021-09-10)' : undefined;
  return checkFieldValue(storySchema.shape[field], field, value, dayProblem);
}
