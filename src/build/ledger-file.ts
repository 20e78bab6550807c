import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ClaimLedger } from '../pipeline/types.ts';
import { ledgerSchema } from '../schemas/ledger.ts';

/** File name of a story's ledger, beside its story.yaml. */
export const ledgerFileName = 'claim-ledger.json';

const about =
  'Every claim id this story has published, so links to claims keep working after reports are corrected. ' +
  'Written by the build: commit it with the reports, do not edit it by hand.';

export function ledgerPath(storyFolder: string): string {
  return join(storyFolder, ledgerFileName);
}

/** The story's ledger, or undefined for a story never built. Throws naming the file when it is not a valid ledger. */
export function readLedger(storyFolder: string): ClaimLedger | undefined {
  const path = ledgerPath(storyFolder);
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message}). Restore it from version control, or delete it to issue new claim ids (old links to claims would then break).`);
  }
  const result = ledgerSchema.safeParse(json);
  if (!result.success) {
    throw new Error(`${path}: not a valid claim ledger:\n${z.prettifyError(result.error)}\nRestore it from version control.`);
  }
  return { reports: result.data.reports };
}

/** Writes the ledger when it differs from what is on disk, so an unchanged story leaves its file untouched. */
export function writeLedger(storyFolder: string, ledger: ClaimLedger): boolean {
  const path = ledgerPath(storyFolder);
  const text = `${JSON.stringify({ about, reports: ledger.reports }, null, 2)}\n`;
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return false;
  writeFileSync(path, text);
  return true;
}
