/**
 * A report body that parseReport cannot read: where (the line of the body, counted from its first line below the
 * frontmatter) and what to change, in a sentence. compareStory and the content check add the report's file (see
 * readProblem).
 */
export class ReportReadError extends Error {
  readonly line: number;

  constructor(line: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReportReadError';
    this.line = line;
  }
}

/**
 * What went wrong reading a report body, for a message that names the report's file first: `line N below the
 * frontmatter: what to change` for a ReportReadError, else the error's own message.
 */
export function readProblem(error: unknown): string {
  const where = error instanceof ReportReadError ? `line ${error.line} below the frontmatter: ` : '';
  return `${where}${error instanceof Error ? error.message : String(error)}`;
}
