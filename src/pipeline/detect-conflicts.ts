import type { Conflict } from './types.ts';

// TEMPORARY (being replaced in this change).
export function detectConflicts(_a: string, _b: string, _lang = 'en'): Conflict[] {
  return [];
}
