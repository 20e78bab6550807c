/**
 * A report body that parseReport cannot read: where (the line of the body, counted from its first line below the
 * frontmatter) and what to change, in a sentence. compareStory adds the report's file to the message.
 */
export class ReportReadError extends Error {
  readonly line: number;

  constructor(line: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReportReadError';
    this.line = line;
  }
}
